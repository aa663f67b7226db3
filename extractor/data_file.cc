#include "khabar/data_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace khabar {

StatusOr<std::vector<DataFile>> ReadDataDir(const std::string& dir, const std::string& extension) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Error(dir + ": not a directory");
  std::vector<DataFile> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != extension) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Error(path.string() + ": cannot read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    files.push_back(DataFile{path.filename().string(), buffer.str()});
  }
  if (ec) return Status::Error(dir + ": " + ec.message());
  std::sort(files.begin(), files.end(), [](const DataFile& a, const DataFile& b) { return a.name < b.name; });
  return files;
}

}  // namespace khabar
