// DataFile: one rule or gazetteer file, read from disk or compiled into the
// binary. Loaders take DataFiles so that the same code serves both.
#ifndef KHABAR_DATA_FILE_H_
#define KHABAR_DATA_FILE_H_

#include <string>
#include <vector>

#include "khabar/status.h"

namespace khabar {

struct DataFile {
  std::string name;     // shown in messages and provenance, e.g. "dates.yaml"
  std::string content;
};

// The default rules (rules/*.yaml) and gazetteers (gazetteers/*.tsv) compiled
// into the binary at build time, sorted by name.
const std::vector<DataFile>& DefaultRuleFiles();
const std::vector<DataFile>& DefaultGazetteerFiles();

// Reads every file ending in `extension` directly in `dir`, sorted by name.
StatusOr<std::vector<DataFile>> ReadDataDir(const std::string& dir,
                                            const std::string& extension);

}  // namespace khabar

#endif  // KHABAR_DATA_FILE_H_
