// Small helpers for reading tab-separated data files.
#ifndef KHABAR_TSV_H_
#define KHABAR_TSV_H_

#include <string_view>
#include <vector>

namespace khabar {

// Splits `line` at tabs.
inline std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

inline std::string_view TrimLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line;
}

}  // namespace khabar

#endif  // KHABAR_TSV_H_
