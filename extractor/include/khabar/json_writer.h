// Writes a Record as one line of JSON (DESIGN §2), with a stable key order and
// no insignificant whitespace, so output is byte-identical across runs.
//
// Thread safety: stateless. Cost: linear in the record size.
#ifndef KHABAR_JSON_WRITER_H_
#define KHABAR_JSON_WRITER_H_

#include <string>
#include <string_view>

#include "khabar/record.h"

namespace khabar {

// Appends the record and a newline to `out`.
void AppendRecordJson(const Record& record, std::string* out);
// Appends `s` as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace khabar

#endif  // KHABAR_JSON_WRITER_H_
