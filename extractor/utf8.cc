// UTF-8 decoding, encoding and repair.
#include <string>
#include <string_view>

#include <simdjson.h>

#include "khabar/normalizer.h"

namespace khabar {
namespace {

// Length of the valid UTF-8 sequence at s[pos], or 0 when it is invalid.
size_t ValidSequenceLength(std::string_view s, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(pos);
  if (c < 0x80) return 1;
  size_t n;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (pos + n > s.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    unsigned char cc = byte(pos + i);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return n;
}

}  // namespace

size_t RepairUtf8(std::string* text) {
  const std::string_view s = *text;
  // Common case: already valid (checked many bytes at a time).
  if (simdjson::validate_utf8(s.data(), s.size())) return 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t n = ValidSequenceLength(s, pos);
    if (n == 0) break;
    pos += n;
  }
  if (pos == s.size()) return 0;  // common case: already valid
  std::string out(s.substr(0, pos));
  size_t replaced = 0;
  while (pos < s.size()) {
    size_t n = ValidSequenceLength(s, pos);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
      ++pos;
    } else {
      out.append(s.substr(pos, n));
      pos += n;
    }
  }
  *text = std::move(out);
  return replaced;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether CollapseSpaces would leave `s` as it is: no blank at either end and
// every blank a single space, as in most names and titles.
bool IsCollapsed(std::string_view s) {
  if (s.empty()) return true;
  if (IsBlank(s.front()) || IsBlank(s.back())) return false;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    // Blanks are at most ' ': one comparison passes every other byte.
    if (static_cast<unsigned char>(s[i]) > ' ' || !IsBlank(s[i])) continue;
    if (s[i] != ' ' || IsBlank(s[i + 1])) return false;
  }
  return true;
}

}  // namespace

void CollapseSpacesInto(std::string_view s, std::string* out) {
  if (IsCollapsed(s)) {  // one copy instead of one append per word
    out->assign(s.data(), s.size());
    return;
  }
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    size_t end = i;  // a run of other bytes, appended in one piece
    while (end < s.size() && !IsBlank(s[end])) ++end;
    if (end == i) break;
    if (!out->empty()) out->push_back(' ');
    out->append(s.data() + i, end - i);
    i = end;
  }
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  CollapseSpacesInto(s, &out);
  return out;
}

}  // namespace khabar
