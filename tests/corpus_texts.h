// The articles of corpus/ (whatever is there), read for the tests that run
// the whole extractor over real text with real entities.
#ifndef KHABAR_TESTS_CORPUS_TEXTS_H_
#define KHABAR_TESTS_CORPUS_TEXTS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef KHABAR_SOURCE_DIR
#error "KHABAR_SOURCE_DIR must name the source tree"
#endif

namespace khabar {

struct CorpusText {
  std::string name;  // file name, e.g. a01.txt
  std::string text;
};

// The .txt files of corpus/, sorted by name.
inline std::vector<CorpusText> CorpusTexts() {
  namespace fs = std::filesystem;
  std::vector<CorpusText> texts;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(KHABAR_SOURCE_DIR) / "corpus", ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(CorpusText{entry.path().filename().string(), buffer.str()});
  }
  std::sort(texts.begin(), texts.end(), [](const CorpusText& a, const CorpusText& b) { return a.name < b.name; });
  return texts;
}

}  // namespace khabar

#endif  // KHABAR_TESTS_CORPUS_TEXTS_H_
