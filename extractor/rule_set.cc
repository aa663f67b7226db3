#include "khabar/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <set>

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/tokenizer.h"

namespace khabar {
namespace {

// The index of the `]` that closes the character class opening at
// pattern[open] (brackets inside the class do not count).
size_t CharClassEnd(std::string_view pattern, size_t open) {
  size_t k = open + 1;
  if (k < pattern.size() && pattern[k] == '^') ++k;
  if (k < pattern.size() && pattern[k] == ']') ++k;
  while (k < pattern.size() && pattern[k] != ']') k += pattern[k] == '\\' ? 2 : 1;
  return k;
}

// Whether `pattern` has an empty-width assertion that may read a character
// outside the match (^ $ \b \B \A \z): then the same matched text may split
// into groups differently elsewhere.
bool LooksOutsideMatch(const std::string& pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
      if (next == 'b' || next == 'B' || next == 'A' || next == 'z') return true;
      ++i;
    } else if (c == '[') {
      i = CharClassEnd(pattern, i);
    } else if (c == '^' || c == '$') {
      return true;
    }
  }
  return false;
}

// Walks `pattern` from `from`, stepping over escapes and character classes,
// and calls visit(c, depth) on every other character, with the depth of
// groups it stands in (a `)` at the depth of its `(`); returns the index
// where visit first says true, or npos.
template <typename Visit>
size_t FindInSyntax(std::string_view pattern, size_t from, Visit visit) {
  int depth = 0;
  for (size_t i = from; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {
      i = CharClassEnd(pattern, i);
      continue;
    }
    if (c == ')') --depth;
    if (visit(c, depth)) return i;
    if (c == '(') ++depth;
  }
  return std::string_view::npos;
}

// Whether `pattern` has a `|` outside parentheses: an alternative that
// starts the match in its own way.
bool HasTopLevelAlternative(std::string_view pattern) {
  return FindInSyntax(pattern, 0, [](char c, int depth) { return c == '|' && depth == 0; }) !=
         std::string_view::npos;
}

// Where a match of `pattern` may start, from the assertion it opens with
// (without the m flag, RE2's `^` is the start of the text). An assertion
// made optional by a quantifier, or with another alternative beside it,
// says nothing.
MatchStart OpeningAssertion(const std::string& pattern) {
  static constexpr std::pair<std::string_view, MatchStart> kOpenings[] = {
      {"(?m:^)", MatchStart::kLineStart}, {"^", MatchStart::kTextStart}, {"\\A", MatchStart::kTextStart}};
  for (const auto& [opening, start] : kOpenings) {
    if (pattern.compare(0, opening.size(), opening) != 0) continue;
    const char next = pattern.size() > opening.size() ? pattern[opening.size()] : '\0';
    if (next == '*' || next == '?' || next == '+' || next == '{' || HasTopLevelAlternative(pattern))
      return MatchStart::kAnywhere;
    return start;
  }
  return MatchStart::kAnywhere;
}

// The index of the `)` that closes the group opening at pattern[open], or
// npos.
size_t GroupEnd(std::string_view pattern, size_t open) {
  return FindInSyntax(pattern, open, [](char c, int depth) { return c == ')' && depth == 0; });
}

// A run of blanks as patterns write it (the word classes' spaces, {PER_SP}).
constexpr std::string_view kBlankRun = "[ \\t]+";

// Whether a quantifier (`*`, `+`, `?` or `{`) applies to what ends before
// pattern[i].
bool QuantifiedAt(std::string_view pattern, size_t i) {
  return i < pattern.size() && std::string_view("*+?{").find(pattern[i]) != std::string_view::npos;
}

// `piece` without the non-capturing groups around all of it (macros expand
// to such groups).
std::string_view Unwrapped(std::string_view piece) {
  while (piece.size() >= 4 && piece.compare(0, 3, "(?:") == 0 && GroupEnd(piece, 0) == piece.size() - 1)
    piece = piece.substr(3, piece.size() - 4);
  return piece;
}

// The code point written at cls[*pos] as a non-ASCII character or a \x{...}
// escape; false for anything else.
bool ClassCodePoint(std::string_view cls, size_t* pos, char32_t* c) {
  if (*pos >= cls.size()) return false;
  if (cls.compare(*pos, 3, "\\x{") == 0) {
    const size_t close = cls.find('}', *pos);
    if (close == std::string_view::npos || close == *pos + 3 || close > *pos + 9) return false;
    char32_t value = 0;
    for (size_t k = *pos + 3; k < close; ++k) {
      const char h = cls[k];
      const int digit = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      value = value * 16 + static_cast<char32_t>(digit);
    }
    *c = value;
    *pos = close + 1;
    return true;
  }
  if (static_cast<unsigned char>(cls[*pos]) < 0x80) return false;
  *c = DecodeUtf8(cls, pos);
  return *pos <= cls.size();
}

// The letters of `cls`, a character class `[...]` of code points and ranges
// (a-b) written as non-ASCII characters or \x{...} escapes, all from U+0080
// to U+07FF (so never a blank); false for any other class.
bool ParseLetterClass(std::string_view cls, std::bitset<0x800>* letters) {
  if (cls.size() < 3 || cls.front() != '[' || cls.back() != ']') return false;
  const std::string_view inside = cls.substr(1, cls.size() - 2);
  for (size_t i = 0; i < inside.size();) {
    char32_t first = 0;
    if (!ClassCodePoint(inside, &i, &first)) return false;
    char32_t last = first;
    if (i < inside.size() && inside[i] == '-') {
      ++i;
      if (!ClassCodePoint(inside, &i, &last)) return false;
    }
    if (first < 0x80 || last < first || last >= 0x800) return false;
    for (char32_t c = first; c <= last; ++c) letters->set(c);
  }
  return true;
}

// The words of `pattern` when it is words of letters (a class and `+`) with
// `[ \t]+` between them, each word or blank maybe inside non-capturing
// groups, a word maybe inside a named group, and only empty named groups
// after the last word (see Rule::words), with `expected_groups` capture
// groups in all as RE2 counts them. False for any other pattern.
bool ParseWords(std::string_view pattern, int expected_groups, std::vector<ScannedWord>* words,
                std::vector<int>* end_groups) {
  int groups = 0;
  bool want_word = true;
  for (size_t i = 0; i < pattern.size();) {
    std::string_view piece;
    int group = 0;
    if (pattern.compare(i, 4, "(?P<") == 0 || pattern.compare(i, 3, "(?:") == 0) {
      const size_t close = GroupEnd(pattern, i);
      if (close == std::string_view::npos) return false;
      piece = pattern.substr(i, close + 1 - i);
      if (pattern.compare(i, 4, "(?P<") == 0) {
        const size_t name_end = pattern.find('>', i);
        if (name_end > close) return false;
        group = ++groups;
        piece = pattern.substr(name_end + 1, close - name_end - 1);
      }
      i = close + 1;
    } else if (pattern[i] == '[') {
      const size_t close = CharClassEnd(pattern, i);
      if (close + 1 >= pattern.size() || pattern[close + 1] != '+') return false;
      piece = pattern.substr(i, close + 2 - i);
      i = close + 2;
    } else {
      return false;
    }
    if (QuantifiedAt(pattern, i)) return false;
    piece = Unwrapped(piece);
    if (piece.empty()) {
      if (group == 0 || want_word) return false;
      end_groups->push_back(group);
      continue;
    }
    if (!end_groups->empty()) return false;
    if (piece == kBlankRun) {
      if (group != 0 || want_word) return false;
      want_word = true;
      continue;
    }
    ScannedWord word;
    word.group = group;
    if (!want_word || piece.back() != '+' || CharClassEnd(piece, 0) != piece.size() - 2 ||
        !ParseLetterClass(piece.substr(0, piece.size() - 1), &word.letters))
      return false;
    words->push_back(word);
    want_word = false;
  }
  return !want_word && groups == expected_groups;
}

// At most this many literal strings stand for one choice (Rule::literals):
// each is compared in turn on every try.
constexpr size_t kMaxLiterals = 16;

// The literal strings `choice`, a piece of pattern, stands for, in RE2's
// order of preference (Rule::literals): alternatives `a|b`, non-capturing
// groups `(?:...)`, maybe optional (`?`), of escaped punctuation, letters,
// `[ \t]+` (written as LiteralWords::kBlanks) and `[ةه]` (written as
// LiteralWords::kTaOrHa); with `punctuation`, also ASCII punctuation, maybe
// optional (`:?`). False for anything else, or too many strings.
bool ParseLiterals(std::string_view choice, std::vector<std::string>* out, bool punctuation = false) {
  constexpr std::string_view kTaOrHa = "[\xD8\xA9\xD9\x87]";
  size_t begin = 0;
  for (size_t i = 0; i <= choice.size(); ++i) {
    if (i < choice.size() && choice[i] == '\\') {
      ++i;
      continue;
    }
    if (i < choice.size() && choice[i] == '[') {
      i = CharClassEnd(choice, i);
      continue;
    }
    if (i < choice.size() && choice[i] == '(') {
      i = GroupEnd(choice, i);
      if (i == std::string_view::npos) return false;
      continue;
    }
    if (i < choice.size() && choice[i] != '|') continue;
    // One alternative: the strings of its pieces, one after another.
    const std::string_view alt = choice.substr(begin, i - begin);
    std::vector<std::string> strings = {std::string()};
    for (size_t k = 0; k < alt.size();) {
      std::vector<std::string> piece;
      const unsigned char c = static_cast<unsigned char>(alt[k]);
      if (alt.compare(k, 3, "(?:") == 0) {
        const size_t close = GroupEnd(alt, k);
        if (close == std::string_view::npos ||
            !ParseLiterals(alt.substr(k + 3, close - k - 3), &piece, punctuation))
          return false;
        k = close + 1;
        if (k < alt.size() && alt[k] == '?') {
          piece.emplace_back();
          ++k;
        }
      } else if (alt.compare(k, kBlankRun.size(), kBlankRun) == 0) {
        piece.emplace_back(1, LiteralWords::kBlanks);
        k += kBlankRun.size();
      } else if (alt.compare(k, kTaOrHa.size(), kTaOrHa) == 0) {
        piece.emplace_back(1, LiteralWords::kTaOrHa);
        k += kTaOrHa.size();
      } else if (c == '\\') {
        const unsigned char next = k + 1 < alt.size() ? static_cast<unsigned char>(alt[k + 1]) : 0;
        if (next < 0x20 || next >= 0x80 || std::isalnum(next)) return false;
        piece.emplace_back(1, static_cast<char>(next));
        k += 2;
      } else if (c >= 0x80 || std::isalnum(c) || c == '_') {
        piece.emplace_back(1, static_cast<char>(c));
        ++k;
      } else if (punctuation && std::ispunct(c) &&
                 std::string_view("()[]{}|.^$*+?").find(static_cast<char>(c)) == std::string_view::npos) {
        piece.emplace_back(1, static_cast<char>(c));
        ++k;
      } else {
        return false;
      }
      // `:?` (with `punctuation`): the byte or nothing.
      if (punctuation && k < alt.size() && alt[k] == '?' && piece.size() == 1 && piece[0].size() == 1 &&
          static_cast<unsigned char>(piece[0][0]) < 0x80 && !std::isalnum(static_cast<unsigned char>(piece[0][0]))) {
        piece.emplace_back();
        ++k;
      }
      if (QuantifiedAt(alt, k)) return false;
      std::vector<std::string> longer;
      for (const std::string& before : strings)
        for (const std::string& after : piece) longer.push_back(before + after);
      if (longer.size() > kMaxLiterals) return false;
      strings = std::move(longer);
    }
    out->insert(out->end(), strings.begin(), strings.end());
    if (out->size() > kMaxLiterals) return false;
    begin = i + 1;
  }
  return true;
}

// The choice of literal words `pattern` is (see LiteralWords): one or two
// named groups of literal strings (ParseLiterals), the first maybe optional (`?`),
// then empty named groups, each maybe inside non-capturing groups, with
// `expected_groups` capture groups in all. False for any other pattern.
bool ParseLiteralWords(std::string_view pattern, int expected_groups, LiteralWords* literals,
                       std::vector<int>* end_groups) {
  int groups = 0;
  std::vector<std::pair<int, std::string_view>> choices;  // group, alternatives
  bool first_optional = false;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '(') return false;
    const size_t close = GroupEnd(pattern, i);
    if (close == std::string_view::npos) return false;
    std::string_view piece = Unwrapped(pattern.substr(i, close + 1 - i));
    i = close + 1;
    bool optional = i < pattern.size() && pattern[i] == '?';
    if (optional) ++i;
    if (QuantifiedAt(pattern, i)) return false;
    // `(?:(?P<art>ال|ل)?)`: the `?` inside the wrapper.
    if (piece.size() > 1 && piece.back() == '?' && piece.front() == '(' && GroupEnd(piece, 0) == piece.size() - 2) {
      if (optional) return false;
      optional = true;
      piece.remove_suffix(1);
    }
    if (piece.compare(0, 4, "(?P<") != 0 || GroupEnd(piece, 0) != piece.size() - 1) return false;
    const size_t name_end = piece.find('>');
    const int group = ++groups;
    const std::string_view inside = Unwrapped(piece.substr(name_end + 1, piece.size() - name_end - 2));
    if (inside.empty()) {
      if (optional || choices.empty()) return false;
      end_groups->push_back(group);
      continue;
    }
    if (!end_groups->empty() || choices.size() == 2) return false;
    if (optional && !choices.empty()) return false;
    if (optional) first_optional = true;
    choices.emplace_back(group, inside);
  }
  if (choices.empty() || groups != expected_groups) return false;
  if (choices.size() == 1 && first_optional) return false;  // the words may not be optional
  if (choices.size() == 2) {
    literals->prefix_group = choices[0].first;
    literals->prefix_optional = first_optional;
    if (!ParseLiterals(choices[0].second, &literals->prefixes)) return false;
  }
  literals->word_group = choices.back().first;
  // An empty string would make the prefix optional, or the match empty.
  auto empty = [](const std::string& s) { return s.empty(); };
  return ParseLiterals(choices.back().second, &literals->words) &&
         std::none_of(literals->prefixes.begin(), literals->prefixes.end(), empty) &&
         std::none_of(literals->words.begin(), literals->words.end(), empty);
}

// Whether a run of blanks of `literal` (LiteralWords) is followed by a
// blank, a line feed or another run: a run matched as all the blanks (and
// line feeds) there never leaves one for what follows it.
bool RunBeforeBlank(std::string_view literal) {
  for (size_t k = 0; k + 1 < literal.size(); ++k)
    if (literal[k] == LiteralWords::kBlanks &&
        (literal[k + 1] == LiteralWords::kBlanks || literal[k + 1] == ' ' || literal[k + 1] == '\t' ||
         literal[k + 1] == '\n'))
      return true;
  return false;
}

// Whether a match of `literal` (LiteralWords) has one size only: each run of
// blanks is followed by something that is no blank, so that it is all the
// blanks there.
bool HasOneSize(std::string_view literal) {
  return (literal.empty() || literal.back() != LiteralWords::kBlanks) && !RunBeforeBlank(literal);
}

// Whether every match of `piece` starts with a byte that is no blank: it
// opens, maybe inside non-capturing groups without alternatives, with a
// letter written as such or a class `[^...]` that leaves out the space and
// the tab, neither of them optional.
bool OpensWithNoBlank(std::string_view piece) {
  constexpr std::string_view kOptional = "*?{";
  while (piece.compare(0, 3, "(?:") == 0) {
    const size_t close = GroupEnd(piece, 0);
    if (close == std::string_view::npos) return false;
    const std::string_view inside = piece.substr(3, close - 3);
    if (HasTopLevelAlternative(inside) ||
        (close + 1 < piece.size() && kOptional.find(piece[close + 1]) != std::string_view::npos))
      return false;
    piece = inside;
  }
  size_t next = 0;
  if (!piece.empty() && static_cast<unsigned char>(piece[0]) >= 0x80) {
    DecodeUtf8(piece, &next);
  } else if (piece.compare(0, 2, "[^") == 0) {
    const size_t close = CharClassEnd(piece, 0);
    if (close == piece.size()) return false;
    const std::string_view left_out = piece.substr(2, close - 2);
    if (left_out.find(' ') == std::string_view::npos || left_out.find("\\t") == std::string_view::npos) return false;
    next = close + 1;
  } else {
    return false;
  }
  return next >= piece.size() || kOptional.find(piece[next]) == std::string_view::npos;
}

// The groups of `pattern` when its groups are those of LeadingLiterals:
// named groups of literal strings (ParseLiterals, each of one size) or empty
// ones, maybe inside non-capturing groups, then a last named group with no
// group inside, maybe after `[ \t]+` when it opens with no blank
// (OpensWithNoBlank), all with `expected_groups` capture groups. False for
// any other pattern.
bool ParseLeadingLiterals(std::string_view pattern, int expected_groups, LeadingLiterals* leading) {
  int groups = 0;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, kBlankRun.size(), kBlankRun) == 0 && !leading->blanks_before_rest &&
        !leading->groups.empty()) {
      leading->blanks_before_rest = true;
      i += kBlankRun.size();
      continue;
    }
    if (pattern[i] != '(') return false;
    const size_t close = GroupEnd(pattern, i);
    if (close == std::string_view::npos) return false;
    const std::string_view piece = Unwrapped(pattern.substr(i, close + 1 - i));
    i = close + 1;
    if (QuantifiedAt(pattern, i)) return false;
    if (piece.compare(0, 4, "(?P<") != 0 || GroupEnd(piece, 0) != piece.size() - 1) return false;
    ++groups;
    const size_t name_end = piece.find('>');
    const std::string_view inside = Unwrapped(piece.substr(name_end + 1, piece.size() - name_end - 2));
    if (i == pattern.size()) {
      if (leading->blanks_before_rest && !OpensWithNoBlank(inside)) return false;
      leading->rest_group = groups;
      break;
    }
    if (leading->blanks_before_rest) return false;  // blanks only before the rest
    LeadingLiterals::Group group;
    group.group = groups;
    if (!inside.empty() && !ParseLiterals(inside, &group.strings)) return false;
    for (const std::string& s : group.strings)
      if (s.empty() || !HasOneSize(s)) return false;
    leading->groups.push_back(std::move(group));
  }
  return !leading->groups.empty() && leading->rest_group != 0 && groups == expected_groups;
}

// The literal strings (ParseLiterals) one of which opens every match of
// `pattern` (Rule::openings): the pattern, or the group it opens with when
// that group is neither optional nor repeated, is a choice of literal
// strings, none empty. A run of blanks is written LiteralWords::kBlanks
// whether or not the pattern lets it hold line feeds. False when no such
// strings are known.
bool ParseOpenings(std::string_view pattern, std::vector<std::string>* openings) {
  const bool named = pattern.compare(0, 4, "(?P<") == 0;
  if (!HasTopLevelAlternative(pattern) && (named || pattern.compare(0, 3, "(?:") == 0)) {
    const size_t close = GroupEnd(pattern, 0);
    if (close == std::string_view::npos) return false;
    if (QuantifiedAt(pattern, close + 1)) return false;
    const size_t inside = named ? pattern.find('>') + 1 : 3;
    return ParseOpenings(pattern.substr(inside, close - inside), openings);
  }
  // Runs of blanks that may hold line feeds read as `[ \t]+`, and optional
  // ones as an optional `[ \t]+` (not after a backslash: `\[` is no class).
  static constexpr std::pair<std::string_view, std::string_view> kBlankSpellings[] = {
      {"[ \\t\\n]+", "[ \\t]+"}, {"[ \\t\\n]*", "(?:[ \\t]+)?"}, {"[ \\t]*", "(?:[ \\t]+)?"}};
  std::string blanks_read(pattern);
  for (const auto& [spelling, read] : kBlankSpellings) {
    for (size_t k = blanks_read.find(spelling); k != std::string::npos; k = blanks_read.find(spelling, k + 1)) {
      if (k > 0 && blanks_read[k - 1] == '\\') continue;
      blanks_read.replace(k, spelling.size(), read);
    }
  }
  if (!ParseLiterals(blanks_read, openings, /*punctuation=*/true)) return false;
  for (const std::string& opening : *openings)
    if (opening.empty() || RunBeforeBlank(opening)) return false;
  return !openings->empty();
}

// Whether `pattern` is a TitledName, its two groups named `title` and
// `span` (any names): compared with the pattern written with the letters of
// its first word.
bool ParseTitledName(std::string_view pattern, std::string_view title, std::string_view span,
                     TitledName* titled) {
  const std::string opening = "(?P<" + std::string(title) + ">(?:\xD8\xA7\xD9\x84|\xD9\x84)?(?:";
  if (pattern.compare(0, opening.size(), opening) != 0) return false;
  const size_t close = CharClassEnd(pattern, opening.size());
  if (close == pattern.size()) return false;
  const std::string_view cls = pattern.substr(opening.size(), close + 1 - opening.size());
  if (!ParseLetterClass(cls, &titled->letters) || !titled->letters[0x0627] || !titled->letters[0x0644]) return false;
  const std::string w = "(?:" + std::string(cls) + "+)";
  const std::string sp = "(?:[ \\t]+)";
  const std::string expected = "(?P<" + std::string(title) + ">(?:\xD8\xA7\xD9\x84|\xD9\x84)?" + w + "(?:" + sp +
                               "\xD8\xA7\xD9\x84" + w + "){0,2})" + sp +
                               "(?:(?:[\xE2\x80\x9C\"\xC2\xAB](?:[ \\t]*))?)(?P<" + std::string(span) +
                               ">(?:" + w + "(?:" + sp + w + "){0,5}))";
  titled->on = pattern == expected;
  return titled->on;
}

// Whether `pattern` is a HonorificName, its two groups named `strong` and
// `span` (any names): compared with the pattern written with its title
// words and the letters of its name.
bool ParseHonorificName(std::string_view pattern, std::string_view strong, std::string_view span,
                        HonorificName* honorific) {
  const std::string article = "(?:(?:(?:\xD8\xA7\xD9\x84|\xD9\x84)(?:";
  const std::string opening = "(?P<" + std::string(strong) + ">" + article;
  if (pattern.compare(0, opening.size(), opening) != 0) return false;
  const size_t words_end = pattern.find(')', opening.size());
  if (words_end == std::string_view::npos) return false;
  const std::string_view words = pattern.substr(opening.size(), words_end - opening.size());
  const std::string name_opening = "(?P<" + std::string(span) + ">(?:(?:";
  const size_t name = pattern.find(name_opening);
  if (name == std::string_view::npos) return false;
  const size_t cls_begin = name + name_opening.size();
  const size_t cls_end = CharClassEnd(pattern, cls_begin);
  if (cls_end == pattern.size()) return false;
  const std::string_view cls = pattern.substr(cls_begin, cls_end + 1 - cls_begin);
  if (!ParseLetterClass(cls, &honorific->letters)) return false;
  for (size_t begin = 0; begin <= words.size();) {
    const size_t end = std::min(words.find('|', begin), words.size());
    const std::string_view word = words.substr(begin, end - begin);
    for (size_t pos = 0; pos < word.size();) {
      const char32_t c = static_cast<unsigned char>(word[pos]) < 0x80 ? 0 : DecodeUtf8(word, &pos);
      if (c == 0 || c >= 0x800 || !honorific->letters[c]) return false;
    }
    if (word.empty()) return false;
    honorific->words.emplace_back(word);
    begin = end + 1;
  }
  const std::string hon = article + std::string(words) +
                          ")(?:[ \\t]+)|(?:\xD8\xAF|\xD8\xB0)(?:[ \\t]*)\\.(?:[ \\t]*)))";
  const std::string w = "(?:" + std::string(cls) + "+)";
  const std::string expected = "(?P<" + std::string(strong) + ">" + hon + ")(?:" + hon + ")*" +
                               "(?:(?:[\xE2\x80\x9C\"\xC2\xAB](?:[ \\t]*))?)(?P<" + std::string(span) +
                               ">(?:" + w + "(?:(?:[ \\t]+)" + w + "){0,5}))";
  honorific->on = pattern == expected;
  return honorific->on;
}

// The number of groups of `pattern` when it is one group `(?P<span>...)`
// around everything but empty marker groups at its end (`(?P<read_on>)`), so
// that every group follows from the whole match; 0 otherwise.
int WholeSpanGroups(const std::string& pattern) {
  constexpr std::string_view kOpen = "(?P<span>";
  if (pattern.compare(0, kOpen.size(), kOpen) != 0 || pattern.back() != ')') return 0;
  const size_t span_end = GroupEnd(pattern, 0);
  if (span_end == std::string::npos) return 0;
  int groups = 1;
  for (size_t j = span_end + 1; j < pattern.size(); ++groups) {
    const size_t close = pattern.find(">)", j);
    if (pattern.compare(j, 4, "(?P<") != 0 || close == std::string::npos ||
        pattern.find_first_of("()[]\\", j + 4) < close)
      return 0;
    j = close + 2;
  }
  return groups;
}

constexpr int64_t kMaxMemPerRule = 64 << 20;
constexpr int kMaxExpansionDepth = 8;

// The RE2 options of rule patterns (leftmost-longest).
RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(kMaxMemPerRule);
  return options;
}

bool IsEntityType(const std::string& t) {
  return t == "PERSON" || t == "ORG" || t == "LOC" || t == "DATE" || t == "ROLE";
}

int LineOf(const YAML::Node& node) { return node.Mark().line + 1; }


// A class word as a regex: literal pieces, flexible spaces, ة or ه.
std::string WordRegex(const std::string& normalized) {
  std::string out;
  size_t start = 0;
  while (start <= normalized.size()) {
    size_t space = normalized.find(' ', start);
    std::string piece = normalized.substr(start, space == std::string::npos ? std::string::npos : space - start);
    std::string quoted = RE2::QuoteMeta(piece);
    size_t p = 0;
    while ((p = quoted.find("\xD8\xA9", p)) != std::string::npos) {
      quoted.replace(p, 2, "[\xD8\xA9\xD9\x87]");
      p += 6;
    }
    out += quoted;
    if (space == std::string::npos) break;
    out += kBlankRun;
    start = space + 1;
  }
  return out;
}

std::string FirstTokenKey(const std::string& normalized) {
  std::vector<Token> tokens = Tokenize(normalized);
  if (tokens.empty()) return std::string();
  return Gazetteer::Key(tokens[0].View(normalized));
}

}  // namespace

struct RuleSet::DigitSet {
  explicit DigitSet(RE2::Set&& s) : set(std::move(s)) {}
  RE2::Set set;  // the patterns of DigitRules, in order, anchored at the start
};

std::string Rule::Provenance() const { return file + ":" + std::to_string(line) + " " + id; }

class RuleSetLoader {
 public:
  RuleSetLoader(RuleSet* set, const Gazetteer* gazetteer) : set_(set), gazetteer_(gazetteer) {}

  Status Load(const std::vector<DataFile>& files) {
    std::vector<std::pair<const DataFile*, YAML::Node>> docs;
    for (const DataFile& file : files) {
      try {
        docs.emplace_back(&file, YAML::Load(file.content));
      } catch (const YAML::Exception& e) {
        return Status::Error(file.name + ":" + std::to_string(e.mark.line + 1) + ": bad YAML: " + e.msg);
      }
    }
    // Macros and classes first: rules may use those of any file.
    for (auto& [file, doc] : docs) {
      if (doc.IsNull()) continue;
      if (!doc.IsMap()) return Status::Error(file->name + ":1: a rule file must be a mapping");
      for (auto it = doc.begin(); it != doc.end(); ++it) {
        std::string key = it->first.as<std::string>("");
        if (key != "macros" && key != "classes" && key != "rules")
          return Status::Error(Where(*file, it->first) + ": unknown section '" + key + "'");
      }
      if (Status s = LoadMacros(*file, doc["macros"]); !s.ok()) return s;
      if (Status s = LoadClasses(*file, doc["classes"]); !s.ok()) return s;
    }
    for (auto& [file, doc] : docs) {
      if (doc.IsNull() || !doc["rules"]) continue;
      const YAML::Node rules = doc["rules"];
      if (!rules.IsSequence()) return Status::Error(Where(*file, rules) + ": 'rules' must be a list");
      for (const YAML::Node& node : rules)
        if (Status s = LoadRule(*file, node); !s.ok()) return s;
    }
    return BuildDigitSet();
  }

 private:
  static std::string Where(const DataFile& file, const YAML::Node& node) {
    return file.name + ":" + std::to_string(LineOf(node));
  }

  Status LoadMacros(const DataFile& file, const YAML::Node& node) {
    if (!node) return Status();
    if (!node.IsMap()) return Status::Error(Where(file, node) + ": 'macros' must be a mapping");
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string name = it->first.as<std::string>("");
      if (macros_.count(name) || set_->classes_.count(name))
        return Status::Error(Where(file, it->first) + ": duplicate macro or class '" + name + "'");
      if (!it->second.IsScalar())
        return Status::Error(Where(file, it->second) + ": macro '" + name + "' must be a string");
      macros_[name] = it->second.as<std::string>();
    }
    return Status();
  }

  Status LoadClasses(const DataFile& file, const YAML::Node& node) {
    if (!node) return Status();
    if (!node.IsMap()) return Status::Error(Where(file, node) + ": 'classes' must be a mapping");
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string name = it->first.as<std::string>("");
      if (macros_.count(name) || set_->classes_.count(name))
        return Status::Error(Where(file, it->first) + ": duplicate macro or class '" + name + "'");
      RuleSet::Class cls;
      auto add = [&](const std::string& word, const std::string& value) {
        std::string normalized = CollapseSpaces(Normalizer::Default().NormalizeString(word));
        if (normalized.empty()) return;
        cls.words.push_back(normalized);
        cls.Set(Gazetteer::Key(normalized), value);
      };
      const YAML::Node body = it->second;
      if (body.IsSequence()) {
        for (const YAML::Node& w : body) add(w.as<std::string>(""), w.as<std::string>(""));
      } else if (body.IsMap()) {
        for (auto w = body.begin(); w != body.end(); ++w)
          add(w->first.as<std::string>(""), w->second.as<std::string>(""));
      } else {
        return Status::Error(Where(file, body) + ": class '" + name + "' must be a list or a mapping");
      }
      if (cls.words.empty()) return Status::Error(Where(file, body) + ": class '" + name + "' is empty");
      std::sort(cls.words.begin(), cls.words.end());
      cls.words.erase(std::unique(cls.words.begin(), cls.words.end()), cls.words.end());
      set_->classes_[name] = std::move(cls);
    }
    return Status();
  }

  // Replaces {name} references by macros (recursively) and classes.
  Status Expand(const std::string& pattern, int depth, const std::string& where, std::string* out) {
    if (depth > kMaxExpansionDepth) return Status::Error(where + ": macros nest too deeply (a cycle?)");
    out->clear();
    for (size_t i = 0; i < pattern.size(); ++i) {
      char c = pattern[i];
      if (c == '\\' && i + 1 < pattern.size()) {
        out->push_back(c);
        out->push_back(pattern[++i]);
        // \p{Arabic}, \P{L}, \x{FB50}: the braces belong to the escape.
        if ((pattern[i] == 'p' || pattern[i] == 'P' || pattern[i] == 'x') && i + 1 < pattern.size() &&
            pattern[i + 1] == '{') {
          size_t close = pattern.find('}', i);
          if (close != std::string::npos) {
            out->append(pattern, i + 1, close - i);
            i = close;
          }
        }
        continue;
      }
      if (c == '{' && i + 1 < pattern.size() &&
          (std::isalpha(static_cast<unsigned char>(pattern[i + 1])) || pattern[i + 1] == '_')) {
        size_t close = pattern.find('}', i);
        std::string name = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
        bool ident = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
        });
        if (ident) {
          MaybeAddGazetteerClass(name);
          if (auto m = macros_.find(name); m != macros_.end()) {
            std::string inner;
            if (Status s = Expand(m->second, depth + 1, where, &inner); !s.ok()) return s;
            *out += "(?:" + inner + ")";
          } else if (auto k = set_->classes_.find(name); k != set_->classes_.end()) {
            std::vector<std::string> words = k->second.words;
            std::sort(words.begin(), words.end(),
                      [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
            std::string alt;
            for (const std::string& w : words) alt += (alt.empty() ? "" : "|") + WordRegex(w);
            *out += "(?:" + alt + ")";
          } else {
            return Status::Error(where + ": unknown macro or class {" + name + "}");
          }
          i = close;
          continue;
        }
      }
      out->push_back(c);
    }
    return Status();
  }

  Status LoadExamples(const DataFile& file, const YAML::Node& node, const std::string& where, bool counter,
                      std::vector<RuleExample>* out) {
    if (!node) return Status();
    if (!node.IsSequence()) return Status::Error(where + ": examples must be a list");
    for (const YAML::Node& ex : node) {
      RuleExample example;
      example.line = LineOf(ex);
      if (ex.IsScalar()) {
        example.text = ex.as<std::string>();
        if (!counter)
          return Status::Error(file.name + ":" + std::to_string(example.line) +
                               ": an example needs 'text' and 'match'");
      } else if (ex.IsMap()) {
        example.text = ex["text"].as<std::string>("");
        example.match = ex["match"].as<std::string>("");
        example.value = ex["value"].as<std::string>("");
        example.anchor = ex["anchor"].as<std::string>("");
        if (example.text.empty() || (!counter && example.match.empty()))
          return Status::Error(file.name + ":" + std::to_string(example.line) +
                               ": an example needs 'text' and 'match'");
      } else {
        return Status::Error(file.name + ":" + std::to_string(example.line) + ": bad example");
      }
      out->push_back(std::move(example));
    }
    return Status();
  }

  Status LoadRule(const DataFile& file, const YAML::Node& node) {
    if (!node.IsMap()) return Status::Error(Where(file, node) + ": a rule must be a mapping");
    Rule rule;
    rule.file = file.name;
    rule.line = LineOf(node);
    rule.id = node["id"].as<std::string>("");
    std::string where = Where(file, node) + " " + (rule.id.empty() ? "(no id)" : rule.id);
    try {
      if (rule.id.empty()) return Status::Error(where + ": rule has no id");
      if (!ids_.insert(rule.id).second) return Status::Error(where + ": duplicate rule id");
      rule.type = node["type"].as<std::string>("");
      if (!IsEntityType(rule.type)) return Status::Error(where + ": unknown type '" + rule.type + "'");
      rule.subtype = node["subtype"].as<std::string>("");
      rule.priority = node["priority"].as<int>(50);
      rule.pattern = node["pattern"].as<std::string>("");
      if (rule.pattern.empty()) return Status::Error(where + ": rule has no pattern");
      if (const YAML::Node after_article = node["after_article"]) {
        bool value = true;
        if (!after_article.IsScalar() || !YAML::convert<bool>::decode(after_article, value))
          return Status::Error(where + ": 'after_article' must be true or false");
        rule.after_article = value;
      }
      rule.builder_name = node["value"].as<std::string>("");
      if (!rule.builder_name.empty()) {
        rule.builder = FindValueBuilder(rule.builder_name);
        if (!rule.builder) return Status::Error(where + ": unknown value builder '" + rule.builder_name + "'");
      }
      for (auto it = node.begin(); it != node.end(); ++it) {
        static const std::set<std::string> kKeys = {"id", "type", "subtype", "priority", "pattern", "value",
                                                    "trigger", "needs", "not_spelled", "after_article", "examples",
                                                    "counter_examples", "note"};
        std::string key = it->first.as<std::string>("");
        if (!kKeys.count(key)) return Status::Error(where + ": unknown field '" + key + "'");
      }
    } catch (const YAML::Exception& e) {
      return Status::Error(where + ": " + e.msg);
    }
      // Pattern literals are normalized like the text (ASCII is left as it is).
    std::string pattern_norm = Normalizer::Default().NormalizeString(rule.pattern);
    if (Status s = Expand(pattern_norm, 0, where, &rule.expanded); !s.ok()) return s;
    rule.re = std::make_shared<RE2>(rule.expanded, PatternOptions());
    if (!rule.re->ok()) return Status::Error(where + ": bad regex: " + rule.re->error());
    rule.provenance = rule.Provenance();
    for (const auto& [name, index] : rule.re->NamedCapturingGroups()) {
      rule.named_groups.emplace_back(name, index);
      if (name == "span") rule.span_group = index;
    }
    const int groups = rule.re->NumberOfCapturingGroups();
    rule.span_is_match = groups > 0 && groups == WholeSpanGroups(rule.expanded);
    rule.groups_keep = groups > 0 && !rule.span_is_match && !LooksOutsideMatch(rule.expanded);
    rule.start = OpeningAssertion(rule.expanded);
    if (!ParseWords(rule.expanded, groups, &rule.words, &rule.end_groups)) {
      rule.words.clear();
      rule.end_groups.clear();
      if (!ParseLiteralWords(rule.expanded, groups, &rule.literals, &rule.end_groups)) {
        rule.literals = LiteralWords();
        rule.end_groups.clear();
      }
    }

    if (rule.words.empty() && rule.literals.words.empty() && !rule.span_is_match &&
        !ParseLeadingLiterals(rule.expanded, groups, &rule.leading))
      rule.leading = LeadingLiterals();
    if (rule.words.empty() && rule.literals.words.empty() && !ParseOpenings(rule.expanded, &rule.openings))
      rule.openings.clear();
    if (groups == 2 && rule.named_groups.size() == 2) {
      std::string_view names[3];
      for (const auto& [name, index] : rule.named_groups) names[index] = name;
      if (!ParseTitledName(rule.expanded, names[1], names[2], &rule.titled_name)) rule.titled_name = TitledName();
      if (!ParseHonorificName(rule.expanded, names[1], names[2], &rule.honorific_name))
        rule.honorific_name = HonorificName();
    }

    // Triggers.
    const uint32_t index = static_cast<uint32_t>(set_->rules_.size());
    std::vector<std::string> triggers;
    try {
      if (const YAML::Node trigger = node["trigger"]) {
        if (trigger.IsScalar()) triggers.push_back(trigger.as<std::string>());
        else if (trigger.IsSequence())
          for (const YAML::Node& t : trigger) triggers.push_back(t.as<std::string>(""));
      }
    } catch (const YAML::Exception& e) {
      return Status::Error(where + ": bad trigger: " + e.msg);
    }
    if (triggers.empty()) return Status::Error(where + ": rule has no trigger");
    std::set<std::string> words;
    for (const std::string& t : triggers) {
      if (t == "DIGIT") {
        rule.trigger_digit = true;
      } else if (t == "LATIN") {
        rule.trigger_latin = true;
      } else if (t.size() > 2 && t.front() == '{' && t.back() == '}') {
        MaybeAddGazetteerClass(t.substr(1, t.size() - 2));
        auto k = set_->classes_.find(t.substr(1, t.size() - 2));
        if (k == set_->classes_.end()) return Status::Error(where + ": unknown trigger class " + t);
        for (const std::string& w : k->second.words) words.insert(FirstTokenKey(w));
      } else {
        std::string key = FirstTokenKey(Normalizer::Default().NormalizeString(t));
        if (key.empty()) return Status::Error(where + ": empty trigger");
        words.insert(key);
      }
    }
    for (const std::string& w : words) {
      uint32_t id = set_->trigger_words_.Insert(w);
      if (id >= set_->word_rules_.size()) set_->word_rules_.resize(id + 1);
      set_->word_rules_[id].push_back(index);
    }
    if (rule.trigger_digit) set_->digit_rules_.push_back(index);
    if (rule.trigger_latin) set_->latin_rules_.push_back(index);
    if (Status s = LoadNeeds(node["needs"], where, &rule); !s.ok()) return s;
    if (Status s = LoadNotSpelled(node["not_spelled"], where, &rule); !s.ok()) return s;

    try {
      if (Status s = LoadExamples(file, node["examples"], where, false, &rule.examples); !s.ok()) return s;
      if (Status s = LoadExamples(file, node["counter_examples"], where, true, &rule.counter_examples); !s.ok())
        return s;
    } catch (const YAML::Exception& e) {
      return Status::Error(where + ": bad examples: " + e.msg);
    }
    set_->rules_.push_back(std::move(rule));
    return Status();
  }

  // The set of the DIGIT rules' patterns, when there are two or more and
  // none reads a character outside its match (^ $ \b ...): matched on the
  // window alone, each then says what the rule says in the whole text.
  Status BuildDigitSet() {
    if (set_->digit_rules_.size() < 2) return Status();
    for (uint32_t id : set_->digit_rules_)
      if (LooksOutsideMatch(set_->rules_[id].expanded)) return Status();
    RE2::Set digit_set(PatternOptions(), RE2::ANCHOR_START);
    for (uint32_t id : set_->digit_rules_) {
      std::string error;
      if (digit_set.Add(set_->rules_[id].expanded, &error) < 0)
        return Status::Error("the set of the DIGIT rules: " + error);
    }
    if (!digit_set.Compile()) return Status::Error("the set of the DIGIT rules: out of memory");
    set_->digit_set_ = std::make_shared<const RuleSet::DigitSet>(std::move(digit_set));
    return Status();
  }

  // `needs: {class: '{name}', within: N}`; the class may be DIGIT (a
  // number), YEAR (a number of four digits) or a list of such (any of them).
  Status LoadNeeds(const YAML::Node& node, const std::string& where, Rule* rule) {
    if (!node) return Status();
    std::vector<std::string> classes;
    try {
      if (!node.IsMap()) return Status::Error(where + ": 'needs' must be {class: '{name}', within: N}");
      const YAML::Node cls = node["class"];
      if (cls && cls.IsSequence()) {
        for (const YAML::Node& c : cls) classes.push_back(c.as<std::string>(""));
      } else {
        classes.push_back(cls ? cls.as<std::string>("") : std::string());
      }
      rule->needs_within = node["within"].as<int>(0);
    } catch (const YAML::Exception& e) {
      return Status::Error(where + ": bad needs: " + e.msg);
    }
    if (rule->needs_within < 1 || rule->needs_within > 32)
      return Status::Error(where + ": 'needs' wants 'within' between 1 and 32 tokens");
    for (const std::string& cls : classes) {
      if (cls == "DIGIT" || cls == "YEAR") {
        rule->needs_mask |= uint32_t{1} << (cls == "DIGIT" ? RuleSet::kNeedsNumber : RuleSet::kNeedsYear);
        continue;
      }
      if (cls.size() < 3 || cls.front() != '{' || cls.back() != '}')
        return Status::Error(where + ": 'needs' names a class as '{name}', or DIGIT or YEAR");
      const std::string name = cls.substr(1, cls.size() - 2);
      MaybeAddGazetteerClass(name);
      auto k = set_->classes_.find(name);
      if (k == set_->classes_.end()) return Status::Error(where + ": unknown class " + cls + " in needs");
      auto known = std::find(set_->needed_classes_.begin(), set_->needed_classes_.end(), name);
      if (known == set_->needed_classes_.end()) {
        if (set_->needed_classes_.size() == RuleSet::kMaxNeededClasses)
          return Status::Error(where + ": more than " + std::to_string(RuleSet::kMaxNeededClasses) +
                               " classes named by 'needs'");
        std::vector<std::string> words;
        for (const std::string& w : k->second.words) words.push_back(FirstTokenKey(w));
        set_->needed_classes_.push_back(name);
        set_->needed_words_.push_back(std::move(words));
        known = set_->needed_classes_.end() - 1;
      }
      rule->needs_mask |= uint32_t{1} << (known - set_->needed_classes_.begin());
    }
    return Status();
  }

  // `not_spelled: [word, ...]`: original spellings of the trigger word, each
  // one Arabic word.
  Status LoadNotSpelled(const YAML::Node& node, const std::string& where, Rule* rule) {
    if (!node) return Status();
    try {
      if (!node.IsSequence()) return Status::Error(where + ": 'not_spelled' must be a list of words");
      for (const YAML::Node& w : node) rule->not_spelled.push_back(w.as<std::string>(""));
    } catch (const YAML::Exception& e) {
      return Status::Error(where + ": bad not_spelled: " + e.msg);
    }
    for (const std::string& w : rule->not_spelled) {
      size_t pos = 0;
      bool arabic = !w.empty();
      while (arabic && pos < w.size()) {
        const char32_t c = DecodeUtf8(w, &pos);
        arabic = c >= 0x0600 && c <= 0x06FF;
      }
      if (!arabic) return Status::Error(where + ": 'not_spelled' wants Arabic words, not '" + w + "'");
    }
    return Status();
  }

  // A gazetteer type named in capitals becomes a class on first use.
  void MaybeAddGazetteerClass(const std::string& name) {
    if (!gazetteer_ || set_->classes_.count(name) || macros_.count(name)) return;
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '_'; }))
      return;
    std::vector<std::string> names = gazetteer_->NormalizedNamesOfType(name);
    if (names.empty()) return;
    RuleSet::Class cls;
    for (std::string& n : names) {
      std::string w = CollapseSpaces(n);
      cls.Set(Gazetteer::Key(w), w);
      cls.words.push_back(std::move(w));
    }
    set_->classes_[name] = std::move(cls);
  }

  RuleSet* set_;
  const Gazetteer* gazetteer_;
  std::map<std::string, std::string> macros_;
  std::set<std::string> ids_;
};

StatusOr<std::unique_ptr<RuleSet>> RuleSet::Load(const std::vector<DataFile>& files,
                                                 const Gazetteer* gazetteer) {
  static std::atomic<uint64_t> next_instance{1};
  std::unique_ptr<RuleSet> set(new RuleSet());
  set->instance_ = next_instance++;
  RuleSetLoader loader(set.get(), gazetteer);
  if (Status s = loader.Load(files); !s.ok()) return s;
  for (const auto& [name, cls] : set->classes_) {
    set->class_names_.Insert(name);
    set->class_by_name_.push_back(&cls);
    for (uint32_t id = 0; id < cls.keys.size(); ++id) {
      const uint32_t key = set->class_keys_.Insert(cls.keys.Word(id));
      if (key == set->key_classes_.size()) set->key_classes_.emplace_back();
      set->key_classes_[key].push_back(&cls);
      set->class_key_pairs_.Add(cls.keys.Word(id));
    }
  }
  return set;
}

const std::vector<uint32_t>* RuleSet::RulesForWord(std::string_view word) const {
  uint32_t id = trigger_words_.Find(word);
  return id == WordTable::kNotFound ? nullptr : &word_rules_[id];
}

namespace {

// The lookup key of a normalized word: white space collapsed, ة folded; in
// a reused per-thread buffer (this is on the hot path of value builders).
std::string_view LookupKey(std::string_view word) {
  // Common case: one word without ة, its own key.
  bool plain = true;
  for (size_t i = 0; i < word.size() && plain; ++i) {
    const char c = word[i];
    plain = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
              (c == '\xD8' && i + 1 < word.size() && word[i + 1] == '\xA9'));
  }
  if (plain) return word;
  thread_local std::string key;
  CollapseSpacesInto(word, &key);
  Gazetteer::FoldKeys(&key);
  return key;
}

}  // namespace

void RuleSet::DigitRulesAt(std::string_view window, std::vector<uint32_t>* ids) const {
  ids->clear();
  thread_local std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  if (digit_set_ == nullptr ||
      (!digit_set_->set.Match(re2::StringPiece(window.data(), window.size()), &matched, &error) &&
       error.kind != RE2::Set::kNoError)) {
    *ids = digit_rules_;  // not known: every rule is tried
    return;
  }
  // Set::Match gives the indexes of the patterns in any order.
  std::sort(matched.begin(), matched.end());
  for (int k : matched) ids->push_back(digit_rules_[k]);
}

const RuleSet::Class* RuleSet::FindClass(std::string_view class_name) const {
  const uint32_t id = class_names_.Find(class_name);
  return id == WordTable::kNotFound ? nullptr : class_by_name_[id];
}

std::optional<std::string_view> RuleSet::ClassValue(const Class* cls, std::string_view word) const {
  if (cls == nullptr) return std::nullopt;
  const std::string_view key = LookupKey(word);
  if (!cls->pairs.MayHold(key)) return std::nullopt;
  const uint32_t id = cls->keys.Find(key);
  if (id == WordTable::kNotFound) return std::nullopt;
  return std::string_view(cls->key_values[id]);
}

std::optional<std::string_view> RuleSet::ClassValue(std::string_view class_name, std::string_view word) const {
  return ClassValue(FindClass(class_name), word);
}

const std::vector<const RuleSet::Class*>* RuleSet::ClassesHolding(std::string_view word) const {
  const std::string_view key = LookupKey(word);
  if (!class_key_pairs_.MayHold(key)) return nullptr;
  const uint32_t id = class_keys_.Find(key);
  return id == WordTable::kNotFound ? nullptr : &key_classes_[id];
}

namespace {

// The first two letters of a key (Arabic, two bytes each) as a number below
// 1 << 16, or -1 when it does not start with two such letters.
int FirstLetterPair(std::string_view key) {
  if (key.size() < 4) return -1;
  auto letter = [&](size_t i) -> int {
    const unsigned char lead = static_cast<unsigned char>(key[i]);
    const unsigned char low = static_cast<unsigned char>(key[i + 1]);
    if (lead < 0xD8 || lead > 0xDB || (low & 0xC0) != 0x80) return -1;
    return ((lead & 3) << 6) | (low & 0x3F);
  };
  const int first = letter(0);
  const int second = letter(2);
  return first < 0 || second < 0 ? -1 : (first << 8) | second;
}

}  // namespace

void RuleSet::LetterPairs::Add(std::string_view key) {
  if (const int pair = FirstLetterPair(key); pair >= 0) seen[pair] = true;
}

bool RuleSet::LetterPairs::MayHold(std::string_view key) const {
  const int pair = FirstLetterPair(key);
  return pair < 0 || seen[pair];
}

bool RuleSet::HasClass(std::string_view class_name) const { return classes_.find(class_name) != classes_.end(); }

}  // namespace khabar
