#include "relations_text.h"

#include <algorithm>
#include <cstring>

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/rule_set.h"

namespace khabar {
namespace rel {
namespace {

using text_util::Decode;
using text_util::Letters;
using text_util::StartsWith;

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال

bool IsQuote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB || c == '\'' || c == 0x2018 ||
         c == 0x2019;
}

// Code point that ends at byte `pos` (and its start).
char32_t DecodeBefore(std::string_view s, size_t pos, size_t* start) {
  size_t p = pos;
  while (p > 0) {
    --p;
    if ((static_cast<unsigned char>(s[p]) & 0xC0) != 0x80) break;
  }
  *start = p;
  size_t q = p;
  return Decode(s, &q);
}

}  // namespace

bool HasBreak(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t at = pos;
    const char32_t c = Decode(s, &pos);
    if (c == '\n' || c == '\r' || c == '!' || c == '?' || c == 0x061F || c == 0x061B || c == 0x06D4) return true;
    if (c == '.') {
      const bool dots = (pos < s.size() && s[pos] == '.') || (at > 0 && s[at - 1] == '.');
      if (!dots) return true;
    }
  }
  return false;
}

bool OrgGap(std::string_view gap, bool place) {
  // The gap without quote marks and without spaces at both ends: at most a
  // preposition of a few bytes when the answer is yes, so a longer one stops
  // the reading.
  constexpr size_t kMaxCore = 6;
  char core[kMaxCore];
  size_t n = 0;
  size_t spaces = 0;  // blanks read after the core so far
  size_t pos = 0;
  while (pos < gap.size()) {
    const size_t at = pos;
    const char32_t c = Decode(gap, &pos);
    if (IsQuote(c)) continue;
    if (c == ' ' || c == '\t') {
      if (n > 0) ++spaces;
      continue;
    }
    if (n + spaces + (pos - at) > kMaxCore) return false;
    for (; spaces > 0; --spaces) core[n++] = ' ';
    for (size_t i = at; i < pos; ++i) core[n++] = gap[i];
  }
  const std::string_view text(core, n);
  if (text.empty()) return true;
  // A preposition glued to the organization: the gap ends with it.
  if (text == "\xD9\x84" || text == "\xD8\xA8") return true;
  if (!place) return false;
  return text == "\xD8\xB9\xD9\x84\xD9\x8A" || text == "\xD9\x81\xD9\x8A";  // علي (على), في
}

uint32_t SkipFiller(const Analysis& a, uint32_t pos, std::string_view punct) {
  size_t p = pos;
  while (p < a.text.size()) {
    // A character of the Arabic block (a lead byte 0xD8..0xDB) is no blank
    // or quote, nor one of `punct` when none of them has its lead byte: most
    // scans stop at a letter.
    const unsigned char lead = static_cast<unsigned char>(a.text[p]);
    if (lead - 0xD8u <= 3 && punct.find(static_cast<char>(lead)) == std::string_view::npos) break;
    size_t q = p;
    const char32_t c = Decode(a.text, &q);
    bool skip = c == ' ' || c == '\t' || IsQuote(c);
    if (!skip && !punct.empty()) {
      size_t r = 0;
      while (r < punct.size() && !skip) skip = Decode(punct, &r) == c;
    }
    if (!skip) break;
    p = q;
  }
  return static_cast<uint32_t>(p);
}

uint32_t SkipBackFiller(const Analysis& a, uint32_t pos) {
  size_t p = std::min<size_t>(pos, a.text.size());
  while (p > 0) {
    // A character of the Arabic block (two bytes with a lead 0xD8..0xDB in
    // valid UTF-8) is no blank or quote: most scans stop at a letter.
    if (p >= 2 && static_cast<unsigned char>(a.text[p - 2]) - 0xD8u <= 3) break;
    size_t start;
    const char32_t c = DecodeBefore(a.text, p, &start);
    if (!(c == ' ' || c == '\t' || IsQuote(c))) break;
    p = start;
  }
  return static_cast<uint32_t>(p);
}

// The word scans read Arabic letters of two bytes without decoding them: in
// valid UTF-8 (normalized text), every Arabic letter takes two bytes with a
// lead 0xD8..0xDB.
Word NextWord(const Analysis& a, uint32_t pos) {
  const std::string_view text = a.text;
  size_t p = pos;
  p = SkipSpacesAndTabs(text, p);
  Word w;
  w.begin = static_cast<uint32_t>(p);
  w.end = static_cast<uint32_t>(text_util::LetterRunEnd(text, p));
  return w;
}

Word PreviousWord(const Analysis& a, uint32_t pos) {
  const std::string_view text = a.text;
  size_t p = std::min<size_t>(pos, text.size());
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  Word w;
  w.end = static_cast<uint32_t>(p);
  w.begin = static_cast<uint32_t>(text_util::LetterRunBegin(text, p));
  return w;
}

std::string_view WithoutProclitics(std::string_view word, std::string* buffer) {
  constexpr std::string_view kWaw = "\xD9\x88", kFa = "\xD9\x81", kBa = "\xD8\xA8", kLam = "\xD9\x84",
                             kKaf = "\xD9\x83";
  std::string_view w = word;
  if ((StartsWith(w, kWaw) || StartsWith(w, kFa)) && Letters(w) > 3) w.remove_prefix(2);
  if (StartsWith(w, "\xD9\x84\xD9\x84") && Letters(w) > 3) {
    buffer->assign(kAl.data(), kAl.size());
    buffer->append(w.data() + 4, w.size() - 4);
    return *buffer;
  }
  if ((StartsWith(w, kBa) || StartsWith(w, kKaf) || StartsWith(w, kLam)) && StartsWith(w.substr(2), kAl))
    w.remove_prefix(2);
  return w;
}

std::string WithoutProclitics(std::string_view word) {
  std::string buffer;
  return std::string(WithoutProclitics(word, &buffer));
}

std::string NameKey(std::string_view name) {
  std::string key = CollapseSpaces(Normalizer::Default().NormalizeString(name));
  Gazetteer::FoldKeys(&key);
  return key;
}

std::string HeadKey(std::string_view name) {
  std::string key = NameKey(name);
  size_t space = key.find(' ');
  std::string head = key.substr(0, space);
  if (StartsWith(head, kAl) && Letters(head) > 3) head.erase(0, kAl.size());
  return head;
}

std::vector<int> PrefixCounts(const std::vector<std::string>& keys) {
  std::vector<int> counts(keys.size(), 0);
  std::vector<size_t> named;  // keys not empty
  for (size_t i = 0; i < keys.size(); ++i)
    if (!keys[i].empty()) named.push_back(i);
  for (size_t x = 0; x < named.size(); ++x) {
    const std::string& kx = keys[named[x]];
    ++counts[named[x]];  // itself
    for (size_t y = x + 1; y < named.size(); ++y) {
      const std::string& ky = keys[named[y]];
      // One starts with the other: the shorter is a prefix of the longer.
      if (std::memcmp(kx.data(), ky.data(), std::min(kx.size(), ky.size())) == 0) {
        ++counts[named[x]];
        ++counts[named[y]];
      }
    }
  }
  return counts;
}

int EntityAt(const std::vector<Candidate>& entities, uint32_t pos) {
  // The last entity that starts at or before `pos`, passing over empty ones:
  // any other that starts before it also ends before it.
  size_t i = std::upper_bound(entities.begin(), entities.end(), pos,
                              [](uint32_t p, const Candidate& c) { return p < c.begin; }) -
             entities.begin();
  while (i > 0 && entities[i - 1].end == entities[i - 1].begin) --i;
  return i > 0 && pos < entities[i - 1].end ? static_cast<int>(i - 1) : -1;
}

size_t FirstFrom(const std::vector<Candidate>& entities, uint32_t pos) {
  return std::lower_bound(entities.begin(), entities.end(), pos,
                          [](const Candidate& c, uint32_t p) { return c.begin < p; }) -
         entities.begin();
}

std::optional<Anaphor> AnaphorAt(const Analysis& a, uint32_t pos, const PersonLexicon& lexicon) {
  if (lexicon.rules() == nullptr) return std::nullopt;
  Word w = NextWord(a, pos);
  if (w.empty()) return std::nullopt;
  std::string buffer;  // for WithoutProclitics
  const std::string_view word = WithoutProclitics(Between(a, w.begin, w.end), &buffer);
  std::optional<std::string_view> head = lexicon.rules()->ClassValue("role_org_anaphor", word);
  if (!head) return std::nullopt;
  Anaphor an;
  an.head = HeadKey(*head);
  an.begin = w.begin;
  an.end = w.end;
  an.phrase = NameKey(word);
  // One adjective in ال after the noun (المجلس الجماعي, الجماعة الترابية).
  if (w.end < a.text.size() && a.text[w.end] == ' ') {
    Word adj = NextWord(a, w.end);
    std::string_view t = Between(a, adj.begin, adj.end);
    const bool nisba = text_util::EndsWith(t, "\xD9\x8A") || text_util::EndsWith(t, "\xD9\x8A\xD8\xA9") ||
                       text_util::EndsWith(t, "\xD9\x8A\xD9\x87");
    if (!adj.empty() && StartsWith(t, kAl) && nisba && !lexicon.IsGiven(t) && !lexicon.IsFamily(t)) {
      an.end = adj.end;
      an.phrase += " " + NameKey(t);
    }
  }
  return an;
}

void AnaphorResolver::Index() {
  indexed_ = true;
  const std::vector<Candidate>& entities = entities_;
  keys_.assign(entities.size(), std::string());
  heads_.assign(entities.size(), std::string());
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].type != "ORG" && entities[i].type != "LOC") continue;
    keys_[i] = NameKey(entities[i].norm);
    heads_[i] = HeadKey(WithoutProclitics(Between(a_, entities[i].begin, entities[i].end)));
  }
  // Mentions of a name, counting a name and its longer form together.
  mentions_ = PrefixCounts(keys_);
}

namespace {

// Whether `word` is a whole word of `key` (words separated by single spaces).
bool HasWord(std::string_view key, std::string_view word) {
  for (size_t p = key.find(word); p != std::string_view::npos; p = key.find(word, p + 1)) {
    const size_t end = p + word.size();
    if ((p == 0 || key[p - 1] == ' ') && (end == key.size() || key[end] == ' ')) return true;
  }
  return false;
}

// Whether `key` starts with the words of `phrase`.
bool StartsWithWords(std::string_view key, std::string_view phrase) {
  return StartsWith(key, phrase) && (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

}  // namespace

int AnaphorResolver::Resolve(size_t before, const Anaphor& anaphor) {
  if (!indexed_) Index();
  before = std::min(before, entities_.size());
  const bool phrase_of_words = anaphor.phrase.find(' ') != std::string::npos;
  const std::string al_head = std::string(kAl) + anaphor.head;
  // 4: starts with the whole phrase; 3: written with the same head noun;
  // 2: its canonical name has that head; 1: contains the head noun.
  auto match = [&](size_t i) {
    const std::string& key = keys_[i];
    if (key.empty()) return 0;
    if (phrase_of_words && StartsWithWords(key, anaphor.phrase)) return 4;
    if (heads_[i] == anaphor.head) return 3;
    if (HeadKey(key) == anaphor.head) return 2;
    if (HasWord(key, anaphor.head) || HasWord(key, al_head)) return 1;
    return 0;
  };
  auto pick = [&](size_t from, size_t to, bool backwards) {
    int best = -1, best_level = 0, best_count = 0;
    for (size_t n = from; n < to; ++n) {
      const size_t i = backwards ? to - 1 - (n - from) : n;
      const int level = match(i);
      if (level == 0) continue;
      const int count = mentions_[i];
      if (level > best_level || (level == best_level && count > best_count)) {
        best = static_cast<int>(i);
        best_level = level;
        best_count = count;
      }
    }
    return best;
  };
  int found = pick(0, before, /*backwards=*/true);
  if (found < 0) found = pick(before, entities_.size(), /*backwards=*/false);
  return found;
}

}  // namespace rel
}  // namespace khabar
