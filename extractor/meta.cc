// Article metadata from the top of the text, for fields the input did not
// give (DESIGN §2 `meta`):
//   title   the first line when it reads as a headline (a short line without a
//           final full stop, followed by more text); a one- or two-word line
//           before it (a section name such as محلية) is skipped;
//   outlet  from the byline lines between the title and the body: an ORG
//           entity there, else a short segment of the line (segments are
//           separated by | - – ، /) that is not a place, a date or a byline;
//   author  the PERSON after بقلم / كتبه: / كتب: / إعداد: / متابعة: on such a line;
//   date    the first DATE with a full value (YYYY-MM-DD) on such a line.
// Values are the normalized text (the stage sees no other).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "names/person_lexicon.h"
#include "relations_text.h"
#include "stages.h"

namespace khabar {
namespace {

constexpr size_t kMaxTitleWords = 30;
constexpr size_t kMaxBylineWords = 14;
constexpr size_t kMaxBylineLines = 5;

struct Line {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Words of a line, counted up to `max_words` + 1 (one more than the caller
// tests for). Arabic letters of two bytes are told without decoding them.
size_t WordCount(std::string_view text, const Line& line, size_t max_words) {
  size_t words = 0;
  bool in_word = false;
  for (size_t p = line.begin; p < line.end && words <= max_words;) {
    bool letter;
    const char32_t c = text_util::DecodeLetter(text, &p, &letter);
    letter = letter || (c < 0x80 && std::isalnum(static_cast<int>(c)));
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

std::vector<Line> NonEmptyLines(std::string_view text, size_t max_lines) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < text.size() && lines.size() < max_lines) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t b = pos, e = nl;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    if (e > b) lines.push_back(Line{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    pos = nl + 1;
  }
  return lines;
}

bool IsBylineWord(std::string_view w) {
  static const char* const kWords[] = {"بقلم", "كتبه", "كتب", "اعداد", "متابعة", "تحرير", "مراسلة", "نشر",
                                       "نشرت", "بتاريخ", "اخر", "تحديث", "منذ", "في"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

bool IsAuthorWord(std::string_view w) {
  static const char* const kWords[] = {"بقلم", "كتبه", "كتب", "اعداد", "متابعة", "تحرير", "مراسلة"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

// Segments of a byline line: separated by | - – — ، / and line ends.
std::vector<std::pair<uint32_t, uint32_t>> Segments(std::string_view text, const Line& line) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  uint32_t start = line.begin;
  size_t p = line.begin;
  while (p < line.end) {
    const size_t at = p;
    const char32_t c = text_util::Decode(text, &p);
    const bool dash = (c == '-' || c == 0x2013 || c == 0x2014) &&
                      ((at > 0 && text[at - 1] == ' ') || (p < text.size() && text[p] == ' '));
    if (c == '|' || c == 0x060C || c == '/' || dash) {
      out.emplace_back(start, static_cast<uint32_t>(at));
      start = static_cast<uint32_t>(p);
    }
  }
  out.emplace_back(start, line.end);
  return out;
}

}  // namespace

void ExtractMeta(const Analysis& a, const std::vector<Candidate>& entities, Meta* meta) {
  const std::vector<Line> lines = NonEmptyLines(a.text, 12);
  if (lines.size() < 2) return;
  // Title.
  size_t t = 0;
  size_t title_words = WordCount(a.text, lines[0], kMaxTitleWords);
  if (title_words <= 2) {  // a section name first
    const size_t second = WordCount(a.text, lines[1], kMaxTitleWords);
    if (second >= 4) {
      t = 1;
      title_words = second;
    }
  }
  const Line& title = lines[t];
  std::string_view title_text = rel::Between(a, title.begin, title.end);
  const bool headline = title_words >= 3 && title_words <= kMaxTitleWords && title_text.back() != '.' &&
                        t + 1 < lines.size();
  if (meta->title.empty() && headline) meta->title = CollapseSpaces(OriginalText(a, title.begin, title.end));
  // Byline lines: short lines after the title, before the body.
  size_t first = headline ? t + 1 : 0;
  for (size_t i = first; i < lines.size() && i < first + kMaxBylineLines; ++i) {
    const Line& line = lines[i];
    if (rel::Between(a, line.begin, line.end) == title_text) continue;  // the title again
    if (WordCount(a.text, line, kMaxBylineWords) > kMaxBylineWords) break;
    for (const auto& [sb, se] : Segments(a.text, line)) {
      const std::string_view seg = rel::Between(a, sb, se);
      const rel::Word w = rel::NextWord(a, rel::SkipFiller(a, sb, ""));
      const std::string_view lead = rel::Between(a, w.begin, std::min(w.end, se));
      // Author.
      if (IsAuthorWord(lead)) {
        for (const Candidate& c : entities)
          if (c.type == "PERSON" && c.begin >= w.end && c.end <= se && meta->author.empty()) meta->author = CollapseSpaces(OriginalText(a, c.begin, c.end));
        continue;
      }
      // Date.
      bool has_date = false;
      for (const Candidate& c : entities) {
        if (c.type != "DATE" || c.begin < sb || c.begin >= se) continue;
        has_date = true;
        if (meta->date.empty() && c.value.value.size() == 10) meta->date = c.value.value;
      }
      if (!meta->outlet.empty() || IsBylineWord(lead)) continue;
      // Outlet: an ORG in the segment, else the segment before any digit.
      for (const Candidate& c : entities) {
        if (c.type == "ORG" && c.begin >= sb && c.end <= se) {
          meta->outlet = CollapseSpaces(OriginalText(a, c.begin, c.end));
          break;
        }
      }
      if (!meta->outlet.empty() || has_date) continue;
      // Up to a date glued to the name (أخبار الريف12 مارس), keeping a
      // number that ends the name (درعة 24).
      size_t cut = seg.find_first_of("0123456789");
      if (cut != std::string_view::npos && seg.find_first_not_of("0123456789 \t", cut) == std::string_view::npos)
        cut = std::string_view::npos;
      const std::string candidate = CollapseSpaces(seg.substr(0, cut == std::string_view::npos ? seg.size() : cut));
      const size_t words = candidate.empty() ? 0 : std::count(candidate.begin(), candidate.end(), ' ') + 1;
      bool place = false;  // a place alone (the dateline city)
      for (const Candidate& c : entities)
        place |= c.type == "LOC" && c.begin >= sb && c.end <= se && rel::Blank(rel::Between(a, sb, c.begin)) &&
                 rel::Blank(rel::Between(a, c.end, sb + static_cast<uint32_t>(seg.size())));
      if (words >= 1 && words <= 5 && !place) {
        const uint32_t name_end = sb + static_cast<uint32_t>(cut == std::string_view::npos ? seg.size() : cut);
        meta->outlet = CollapseSpaces(OriginalText(a, sb, name_end));
      }
    }
  }
}

}  // namespace khabar
