// Linking within an article, after overlap resolution (in this order):
//  - a name found without context right after a glued ب ل ك is dropped
//    unless it stands without the preposition's help (لدينا is not دينا);
//  - a name right after a title of office and its organization
//    (رئيس الجمعية محمد أمزال, رئيسها السيد X, الرئيس الأمريكي X) becomes a
//    PERSON even when the name rules needed more evidence;
//  - a foreign name after a nationality (والفرنسي X Y في) becomes a PERSON
//    when a clause opens after it;
//  - the words right before a title, from a clause boundary, become a PERSON
//    when they read as a name (انتخب X Y رئيسا, ، وX Y أمينة عامة);
//  - a full name said again (or a one-word name found with evidence around
//    it), and a later mention by surname alone (`العلوي`),
//    become PERSONs whose norm is the full name given elsewhere in the article.
// New entities keep the list sorted and non-overlapping; gazetteer hits and
// shorter person names inside a new name give way to it.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/rule_set.h"
#include "khabar/word_table.h"
#include "names/person_lexicon.h"
#include "names/person_name.h"
#include "relations_text.h"
#include "stages.h"

namespace khabar {
namespace {

constexpr int kMentionPriority = 50;
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال

// A PERSON found by this stage; `rule` names where (`mentions.cc <rule>`).
Candidate PersonMention(uint32_t begin, uint32_t end, std::string norm, const char* rule) {
  Candidate c;
  c.begin = begin;
  c.end = end;
  c.type = "PERSON";
  c.norm = std::move(norm);
  c.rule = rule;
  c.priority = kMentionPriority;
  return c;
}

// Whether `inside`, an entity that starts within the span of the new `c`,
// gives way to it: it ends within the span, is no ROLE, and is a gazetteer
// hit (or of lower priority) or a person inside a new person.
bool GivesWay(const Candidate& inside, const Candidate& c) {
  const bool gives_way = inside.priority <= kGazetteerPriority || (inside.type == "PERSON" && c.type == "PERSON");
  return inside.end <= c.end && gives_way && inside.type != "ROLE";
}

// Inserts `c` keeping `entities` sorted and non-overlapping. Gazetteer hits
// that lie inside the new span give way to it; anything else blocks it.
bool Insert(std::vector<Candidate>* entities, Candidate c) {
  size_t k = rel::FirstFrom(*entities, c.begin);
  if (k > 0 && (*entities)[k - 1].end > c.begin) return false;
  size_t last = k;
  while (last < entities->size() && (*entities)[last].begin < c.end) {
    if (!GivesWay((*entities)[last], c)) return false;
    ++last;
  }
  // In the place of the first entity that gives way, if any: the vector
  // shifts once at most (not at all when one entity gives way).
  if (last == k) {
    entities->insert(entities->begin() + k, std::move(c));
  } else {
    (*entities)[k] = std::move(c);
    entities->erase(entities->begin() + k + 1, entities->begin() + last);
  }
  return true;
}

// Insert() for each of `found` (sorted by begin) in turn, in one pass over
// `entities` instead of one vector insertion each. The places are found
// first; when no entity gives way (the common case) and the vector has room,
// the entities after the first new one shift once, from the back, and those
// before it stay put. Otherwise the entities and the names are merged into a
// new vector with room for as many again, so that later calls (one per
// stage, or more) find room.
void InsertAll(std::vector<Candidate>* entities, std::vector<Candidate> found) {
  if (found.empty()) return;
  const size_t n = entities->size();
  // Where each name that goes in is placed: before (*entities)[at], in place
  // of the entities [at, resume) that give way to it.
  struct Place {
    size_t found;
    size_t at;
    size_t resume;
  };
  std::vector<Place> places;
  bool gives_way = false;
  {
    size_t i = 0;
    bool any = false;   // something comes before the next name
    uint32_t last_end = 0;  // where it ends
    for (size_t f = 0; f < found.size(); ++f) {
      const Candidate& c = found[f];
      while (i < n && (*entities)[i].begin < c.begin) {
        last_end = (*entities)[i++].end;
        any = true;
      }
      if (any && last_end > c.begin) continue;
      size_t k = i;
      while (k < n && (*entities)[k].begin < c.end && GivesWay((*entities)[k], c)) ++k;
      if (k < n && (*entities)[k].begin < c.end) continue;
      places.push_back(Place{f, i, k});
      gives_way |= k > i;
      i = k;
      last_end = c.end;
      any = true;
    }
  }
  if (places.empty()) return;
  if (!gives_way && entities->capacity() >= n + places.size()) {
    entities->resize(n + places.size());
    Candidate* const e = entities->data();
    size_t from = n, to = n + places.size();
    for (size_t p = places.size(); p-- > 0;) {
      const size_t at = places[p].at;
      std::move_backward(e + at, e + from, e + to);
      to -= from - at;
      e[--to] = std::move(found[places[p].found]);
      from = at;
    }
    return;
  }
  std::vector<Candidate> out;
  out.reserve(2 * (n + places.size()));
  size_t i = 0;
  for (const Place& place : places) {
    while (i < place.at) out.push_back(std::move((*entities)[i++]));
    out.push_back(std::move(found[place.found]));
    i = place.resume;
  }
  while (i < n) out.push_back(std::move((*entities)[i++]));
  entities->swap(out);
}

// Whether `x` and `y` are the same view (WithoutProclitics left a word as it was).
bool SameView(std::string_view x, std::string_view y) { return x.data() == y.data() && x.size() == y.size(); }

// Whether an entity starts inside [begin, end): a place or organization
// after a glued preposition (بباريس) is not part of a name.
bool EntityInside(const std::vector<Candidate>& entities, uint32_t begin, uint32_t end) {
  const size_t k = rel::FirstFrom(entities, begin);
  return k < entities.size() && entities[k].begin < end;
}

// A name found without context right after a glued preposition (لدينا ->
// دينا, كريم -> ريم) is kept only when it would stand without the
// preposition's help: never after ك, and after ب or ل only with a family name
// or a nisba.
void DropPrefixedNames(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  constexpr std::string_view kRule = " person.given_name";
  auto dropped = [&](const Candidate& c) {
    const bool weak = c.type == "PERSON" && c.rule.size() >= kRule.size() &&
                      c.rule.compare(c.rule.size() - kRule.size(), kRule.size(), kRule) == 0;
    if (!weak || c.begin < 2 || a.boundary[c.begin]) return false;
    const std::string_view prefix = a.text.substr(c.begin - 2, 2);
    const std::string_view span = rel::Between(a, c.begin, c.end);
    if (prefix == "\xD9\x83") return true;  // ك
    return (prefix == "\xD8\xA8" || prefix == "\xD9\x84") &&
           ScanPersonName(span, NameEvidence::kNone, lex, /*whole=*/true, /*strict=*/true) != span.size();
  };
  // In place: the entities move only after the first one dropped, which is rare.
  entities->erase(std::remove_if(entities->begin(), entities->end(), dropped), entities->end());
}

// Where the name of the holder may start after the title `role`: after the
// organization (a named entity or a generic noun such as الجمعية), a comma,
// honorifics and quotes.
void AddNamesAfterRoles(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  std::vector<std::pair<uint32_t, uint32_t>> roles;
  for (const Candidate& c : *entities)
    if (c.type == "ROLE") roles.emplace_back(c.begin, c.end);
  std::string buffer;  // for WithoutProclitics
  // The names found wait here (sorted and apart) and go in with one
  // InsertAll instead of an Insert each, which shifts every entity after it.
  // A role only looks at the entities from its end on, so waiting names that
  // end before it change nothing it sees; the names go in first otherwise.
  std::vector<Candidate> found;
  for (const auto& [role_begin, role_end] : roles) {
    (void)role_begin;
    if (!found.empty() && found.back().end > role_end) {
      InsertAll(entities, std::move(found));
      found.clear();
    }
    uint32_t p = role_end;
    size_t k = rel::FirstFrom(*entities, p);
    if (k < entities->size() && ((*entities)[k].type == "ORG" || (*entities)[k].type == "LOC")) {
      if (rel::OrgGap(rel::Between(a, p, (*entities)[k].begin), (*entities)[k].type == "LOC"))
        p = (*entities)[k].end;
    } else if (auto an = rel::AnaphorAt(a, p, lex)) {
      if (rel::Blank(rel::Between(a, p, an->begin)) || an->begin == p) p = an->end;
    }
    // Up to two adjectives of nationality or place (الرئيس الأمريكي, وزير
    // الخارجية الروسي), or a complement before one (وزير الدفاع الألماني).
    // After a nationality the name may be a foreign one the lists do not know.
    bool nationality = false;
    for (int n = 0; n < 3; ++n) {
      rel::Word w = rel::NextWord(a, p);
      const std::string_view word = rel::Between(a, w.begin, w.end);
      const bool nisba = text_util::EndsWith(word, "\xD9\x8A") || text_util::EndsWith(word, "\xD9\x8A\xD8\xA9");
      if (w.empty() || !rel::Blank(rel::Between(a, p, w.begin)) || !text_util::StartsWith(word, kAl)) break;
      const PersonLexicon::Word info = lex.Info(word);
      if (info.given() || info.family() || info.particle() || rel::EntityAt(*entities, w.begin) >= 0) break;
      if (!nisba) {
        rel::Word next = rel::NextWord(a, w.end);
        if (n > 0 || next.empty() || !rel::Blank(rel::Between(a, w.end, next.begin)) ||
            !lex.IsNationality(rel::Between(a, next.begin, next.end)))
          break;
      }
      nationality |= lex.IsNationality(word);
      p = w.end;
    }
    uint32_t q = rel::SkipFiller(a, p, "\xD8\x8C,:");  // ، , :
    NameEvidence evidence = nationality ? NameEvidence::kForeign : NameEvidence::kAfterRole;
    for (int n = 0; n < 3; ++n) {
      rel::Word w = rel::NextWord(a, q);
      if (w.empty()) break;
      const PersonLexicon::Word info = lex.Info(rel::WithoutProclitics(rel::Between(a, w.begin, w.end), &buffer));
      if (info.honorific()) {
        evidence = NameEvidence::kStrong;
      } else if (!info.title()) {
        break;
      }
      q = rel::SkipFiller(a, w.end, "");
    }
    q = rel::SkipFiller(a, q, "");
    {
      // A glued و: the name starts after it (، وحسناء المرابط).
      rel::Word w = rel::NextWord(a, q);
      const std::string_view word = rel::Between(a, w.begin, w.end);
      if (w.begin == q && text_util::StartsWith(word, "\xD9\x88") && text_util::Letters(word) > 3 && !lex.IsGiven(word))
        q += 2;
    }
    if (q >= a.text.size() || rel::EntityAt(*entities, q) >= 0) continue;
    ScannedWords name_words(a.text.substr(q), lex);
    size_t length = ScanPersonName(&name_words, evidence, lex);
    if (length == 0 && evidence == NameEvidence::kAfterRole) {
      // A foreign name the lists do not know (الرئيس جورج X في), when a clause opens after it.
      length = ScanPersonName(&name_words, NameEvidence::kForeign, lex);
      if (length > 0 && (!OpensClause(a.text.substr(q + length), lex) || EntityInside(*entities, q, q + length)))
        length = 0;
    }
    if (length == 0) continue;
    const uint32_t end = static_cast<uint32_t>(q + length);
    found.push_back(PersonMention(q, end, DefaultNorm(a, q, end), "mentions.cc person_after_role"));
  }
  InsertAll(entities, std::move(found));
}

// The first token from `t` on that is not the last and may be a nationality
// (ال...ي or وال...ي): an Arabic token of ten bytes or more that ends with ي;
// else the index of the last token. Most tokens are passed over here, in a
// loop of a few instructions each.
size_t NextNisbaShape(const std::vector<Token>& tokens, std::string_view text, size_t t) {
  const Token* const token = tokens.data();
  const size_t last = tokens.empty() ? 0 : tokens.size() - 1;
  const unsigned char* const b = reinterpret_cast<const unsigned char*>(text.data());
  for (; t < last; ++t) {
    const Token& k = token[t];
    // The last byte first: it rules out most tokens, of any kind.
    if (b[k.end - 1] == 0x8A && k.end - k.begin >= 10 && b[k.end - 2] == 0xD9 && k.kind == TokenKind::kArabic) break;
  }
  return t;
}

// A nationality used as a noun or after one (والفرنسي X Y في, لاعب الفريق
// البرازيلي X الذي): the words after it, when they read as a foreign name and
// a clause opens after them. Only words of the shape ال...ي are looked up.
void AddNamesAfterNationalities(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  const std::vector<Token>& tokens = *a.tokens;
  for (size_t t = NextNisbaShape(tokens, a.text, 0); t + 1 < tokens.size(); t = NextNisbaShape(tokens, a.text, t + 1)) {
    std::string_view word = tokens[t].View(a.text);
    // Byte tests first: ال, or وال (the ي at the end is tested already).
    const unsigned char* b = reinterpret_cast<const unsigned char*>(word.data());
    if (b[0] == 0xD9 && b[1] == 0x88) {  // و
      word.remove_prefix(2);
      b += 2;
    }
    if (b[0] != 0xD8 || b[1] != 0xA7 || b[2] != 0xD9 || b[3] != 0x84) continue;  // ال
    // The word is looked up before the entities are searched: most words of
    // this shape are no nationality (الحكومي, الرياضي), and a kept answer
    // costs less than two binary searches over the entities.
    const uint32_t q = tokens[t + 1].begin;
    if (tokens[t + 1].kind != TokenKind::kArabic || !rel::Blank(rel::Between(a, tokens[t].end, q)) ||
        !lex.IsNationality(word) || rel::EntityAt(*entities, q) >= 0 || rel::EntityAt(*entities, tokens[t].begin) >= 0)
      continue;
    const size_t length = ScanPersonName(a.text.substr(q), NameEvidence::kForeign, lex);
    if (length == 0 || !OpensClause(a.text.substr(q + length), lex)) continue;
    if (EntityInside(*entities, q, q + length)) continue;
    const uint32_t end = static_cast<uint32_t>(q + length);
    Insert(entities, PersonMention(q, end, DefaultNorm(a, q, end), "mentions.cc person_after_nationality"));
  }
}

// X Y نائبا للرئيس, انتخب X Y رئيسا, ، وX Y أمينة عامة: the words right
// before a title, from a clause boundary (punctuation, a glued و, a verb of
// election) to the title, when they all read as a name of two units or more.
void AddNamesBeforeRoles(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  std::vector<size_t> roles;
  for (size_t i = 0; i < entities->size(); ++i)
    if ((*entities)[i].type == "ROLE") roles.push_back((*entities)[i].begin);
  std::string prev_buffer, word_buffer;  // for WithoutProclitics
  for (uint32_t role_begin : roles) {
    if (role_begin >= 2 && a.text.substr(role_begin - 2, 2) == "\xD9\x88" && !a.boundary[role_begin]) continue;
    // Back over spaces, quotes and one comma.
    uint32_t end = rel::SkipBackFiller(a, role_begin);
    if (end >= 2 && (a.text.substr(end - 2, 2) == "\xD8\x8C" || a.text[end - 1] == ',')) {
      end -= a.text[end - 1] == ',' ? 1 : 2;
      end = rel::SkipBackFiller(a, end);
    }
    const int before = rel::EntityAt(*entities, end > 0 ? end - 1 : 0);
    if (end == 0 || (before >= 0 && (*entities)[before].type != "PERSON")) continue;
    // A person of two words or more ends here.
    if (before >= 0 && text_util::WordReader(rel::Between(a, (*entities)[before].begin, end)).Has(1)) continue;
    // Up to six words before, separated by spaces only.
    constexpr size_t kMaxWords = 6;
    rel::Word words[kMaxWords];
    size_t num_words = 0;
    uint32_t p = end;
    while (num_words < kMaxWords) {
      rel::Word w = rel::PreviousWord(a, p);
      if (w.empty() || (num_words == 0 && w.end != end) || !rel::Blank(rel::Between(a, w.end, p))) break;
      words[num_words++] = w;
      p = w.begin;
    }
    // The lexicon's answers about each word, asked once for all the starts
    // tried (each start asks about the words after it again).
    PersonLexicon::Word infos[kMaxWords];
    uint32_t asked = 0;  // bit j: infos[j] is set
    auto info_of = [&](size_t j) {
      if (!((asked >> j) & 1)) {
        infos[j] = lex.Info(rel::Between(a, words[j].begin, words[j].end));
        asked |= 1u << j;
      }
      return infos[j];
    };
    // Nearest start first: a verb or a title before the name must not join it.
    for (size_t s = 0; s < num_words; ++s) {
      uint32_t begin = words[s].begin;
      const std::string_view first = rel::Between(a, words[s].begin, words[s].end);
      const PersonLexicon::Word first_info = info_of(s);
      const bool given_start = first_info.given() || first_info.particle();
      bool boundary = false, after_verb = false;
      if (s + 1 < num_words) {
        // A verb of election or speech, a title, or (before a given name)
        // any word that is not itself part of a name.
        const std::string_view prev_word = rel::Between(a, words[s + 1].begin, words[s + 1].end);
        const std::string_view prev = rel::WithoutProclitics(prev_word, &prev_buffer);
        const PersonLexicon::Word prev_info = SameView(prev, prev_word) ? info_of(s + 1) : lex.Info(prev);
        after_verb = prev_info.intro();
        boundary = after_verb || prev_info.honorific() || prev_info.title();
        if (!boundary && given_start) {
          const PersonLexicon::Word word_info = info_of(s + 1);
          boundary = !word_info.given() && !word_info.particle() && !word_info.family();
        }
        if (boundary && !given_start && text_util::StartsWith(first, "\xD9\x84") && text_util::Letters(first) > 3 &&
            prev == "\xD8\xAE\xD9\x84\xD9\x81\xD8\xA7")  // خلفا لX
          begin += 2;
      } else {
        // Nothing but punctuation, quotes or a line start before the first word.
        const uint32_t q = rel::SkipBackFiller(a, begin);
        boundary = q == 0 || !text_util::IsArabicLetter([&] {
                     size_t r = q - 1;
                     while (r > 0 && (static_cast<unsigned char>(a.text[r]) & 0xC0) == 0x80) --r;
                     return text_util::Decode(a.text, &r);
                   }());
        if (boundary && text_util::StartsWith(first, "\xD9\x88") && !first_info.given() &&
            text_util::Letters(first) > 3)
          begin += 2;  // a glued و
      }
      if (!boundary) continue;
      std::string_view span = rel::Between(a, begin, end);
      // Not a verb (ولم يدل, تم نقل). The words of the span, up to eight,
      // read and looked up once for these tests and the scan.
      constexpr size_t kMaxSpanWords = 8;
      ScannedWords span_words(span, lex);
      bool verb = false;
      for (size_t k = 0; k < kMaxSpanWords && !verb && span_words.Has(k); ++k) {
        const text_util::WordSpan& w = span_words[k];
        const std::string_view t = span_words.Word(k);
        // The span's words are words[s] .. words[0] (the first one perhaps
        // without a glued و or ل): their answers are known or kept.
        if (k <= s && begin + w.begin == words[s - k].begin && begin + w.end == words[s - k].end)
          span_words.SetInfo(k, info_of(s - k));
        const std::string_view bare = rel::WithoutProclitics(t, &word_buffer);
        // ي: a verb after the first word (ولم يدل); a first word may be a
        // name such as يوغرطة, checked below with the last word.
        verb = (w.begin > 0 && text_util::StartsWith(t, "\xD9\x8A") && !span_words.Info(k).given()) ||
               (SameView(bare, t) ? span_words.Info(k) : lex.Info(bare)).stop() ||
               (text_util::StartsWith(t, "\xD9\x88") && lex.Info(t.substr(2)).stop());
      }
      if (verb) continue;
      const NameEvidence evidence = given_start ? NameEvidence::kTitle : NameEvidence::kStrong;
      if (ScanPersonName(&span_words, evidence, lex, /*whole=*/true) != span.size()) continue;
      size_t n = 0;
      while (n < kMaxSpanWords && span_words.Has(n)) ++n;
      if (n < 2) continue;
      if (!given_start && !after_verb) {
        // Words the lists do not know at a clause start: the last must read as
        // a surname (كهينة زروقي, يوغرطة بن شعبان), not as a noun after a verb
        // (كتبت صحيفة).
        // (The name covers the span: its last word ends the span.)
        const std::string_view last = span.substr(span_words[n - 1].begin);
        const PersonLexicon::Word last_info = span_words.Info(n - 1);
        if (!last_info.family() && !last_info.given() && !span_words.Info(n - 2).particle() &&
            !LooksLikeSurname(last) && !(text_util::StartsWith(last, kAl) && text_util::EndsWith(last, "\xD9\x8A")))
          continue;
      }
      if (Insert(entities, PersonMention(begin, end, DefaultNorm(a, begin, end), "mentions.cc person_before_role")))
        break;
    }
  }
}

// Word comparisons for the mentions of an article, inlined: a call to
// memcmp costs more than comparing the few bytes of a word.
inline bool SameWord(std::string_view x, std::string_view y) {
  return x.size() == y.size() && WordTable::SameBytes(x.data(), y.data(), x.size());
}

// Eight (or four) bytes of a word as a number that orders as they do
// (the first byte highest).
inline uint64_t Ordered64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return __builtin_bswap64(v);
}
inline uint32_t Ordered32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
  return __builtin_bswap32(v);
}

// x < y (bytes compared unsigned, as std::string_view does) for two words
// of `n` bytes each. The last eight (or four) bytes are compared at once:
// those they share with the bytes compared before are equal.
inline bool SameSizeBefore(const char* x, const char* y, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      const uint64_t a = Ordered64(x + i), b = Ordered64(y + i);
      if (a != b) return a < b;
    }
    return Ordered64(x + n - 8) < Ordered64(y + n - 8);
  }
  if (n >= 4) {
    const uint32_t a = Ordered32(x), b = Ordered32(y);
    if (a != b) return a < b;
    return Ordered32(x + n - 4) < Ordered32(y + n - 4);
  }
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[i]);
  return false;
}

// A name key without spaces (نور الدين = نورالدين).
std::string Squeezed(std::string_view name) {
  std::string key = rel::NameKey(name);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

// The words of a name (up to eight) as comparison keys: views of the folded
// text (Analysis::key_text), which holds rel::NameKey of each word of the
// normalized text at the same offsets, so no word is copied.
constexpr size_t kMaxNameWords = 8;
struct NameWords {
  std::string_view word[kMaxNameWords];
  size_t size = 0;

  bool operator==(const NameWords& other) const {
    if (size != other.size) return false;
    for (size_t k = 0; k < size; ++k)
      if (!SameWord(word[k], other.word[k])) return false;
    return true;
  }
  // The last words, from word `from` on.
  NameWords From(size_t from) const {
    NameWords out;
    for (size_t k = from; k < size; ++k) out.word[out.size++] = word[k];
    return out;
  }
};

NameWords WordsOf(const Analysis& a, const Candidate& c) {
  NameWords out;
  text_util::WordReader words(rel::Between(a, c.begin, c.end));
  for (; out.size < kMaxNameWords && words.Has(out.size); ++out.size) {
    const text_util::WordSpan& w = words[out.size];
    out.word[out.size] = a.key_text.substr(c.begin + w.begin, w.end - w.begin);
  }
  return out;
}

// Number of words of a name, as WordsOf counts them (up to kMaxNameWords):
// the words a WordReader gives, counted without keeping them.
size_t NameWordCount(std::string_view name) {
  size_t n = 0, pos = 0;
  while (n < kMaxNameWords) {
    const size_t end = text_util::LetterRunEnd(name, pos);
    if (end == pos) break;
    ++n;
    // The words go on only over spaces or tabs to another letter.
    pos = end;
    pos = SkipSpacesAndTabs(name, pos);
    if (pos == end || !text_util::LetterAt(name, pos)) break;
  }
  return n;
}

// Whether a name was found with evidence around it (an honorific, a title, a
// byline), rather than by its words alone.
bool WithContext(const Candidate& c) {
  constexpr std::string_view kWeak = " person.given_name";
  if (c.rule.size() >= kWeak.size() && c.rule.compare(c.rule.size() - kWeak.size(), kWeak.size(), kWeak) == 0)
    return false;
  return c.rule.find("mentions.cc surname") == std::string::npos &&
         c.rule.find("mentions.cc repeated_name") == std::string::npos;
}

// A surname alone is linked when it cannot be an everyday word; an `ال`
// word that is not a nisba (الأسد, الخطيب) only when the full name had
// evidence around it.
bool Linkable(const NameWords& surname, const PersonLexicon& lex, bool with_context) {
  if (surname.size > 1) return true;  // a compound: أيت عدي, بن زيادي
  const std::string_view w = surname.word[0];
  if (text_util::Letters(w) < 3) return false;
  const PersonLexicon::Word info = lex.Info(w);
  if (info.stop() || info.stop_inside()) return false;
  if (info.family()) return true;
  if (info.given()) return false;
  if (text_util::StartsWith(w, kAl))
    return text_util::Letters(w) >= 5 && (with_context || text_util::EndsWith(w, "\xD9\x8A"));
  return LooksLikeSurname(w) || (with_context && text_util::Letters(w) >= 4);
}

// The low bits of the last byte of a word's first and last characters: a
// filter before a lookup of a word. Every form of a token ends with the
// token, so the low six bits (the last byte) are the same for all of them.
constexpr size_t kEdgeKeys = 1 << 12;
inline size_t EdgeKey(std::string_view word) {
  if (word.size() < 2) return 0;
  return (static_cast<size_t>(static_cast<unsigned char>(word[1]) & 0x3F) << 6) |
         (static_cast<unsigned char>(word.back()) & 0x3F);
}
// EdgeKey of the article ال followed by `rest` (not empty), without building it.
inline size_t EdgeKeyAfterArticle(std::string_view rest) {
  return (static_cast<size_t>(static_cast<unsigned char>(kAl[1]) & 0x3F) << 6) |
         (static_cast<unsigned char>(rest.back()) & 0x3F);
}

// A name that later mentions are linked to, by its words.
struct Mention {
  NameWords words;
  // The norm of a person of the article, which must stay unchanged while
  // the mention is used.
  const std::string* norm = nullptr;
  bool ambiguous = false;  // two people share the words
  // NameWordCount of the norm (the words of the full name), counted when
  // first asked: most mentions are never matched.
  mutable int norm_words = -1;

  size_t NormWords() const {
    if (norm_words < 0) norm_words = static_cast<int>(NameWordCount(*norm));
    return static_cast<size_t>(norm_words);
  }
};

// An order of words that compares lengths first: most comparisons end there.
bool WordBefore(std::string_view x, std::string_view y) {
  return x.size() != y.size() ? x.size() < y.size() : SameSizeBefore(x.data(), y.data(), x.size());
}

// Word by word, then the shorter first: mentions sorted this way are sorted
// by first word too.
bool WordsBefore(const NameWords& x, const NameWords& y) {
  return std::lexicographical_compare(x.word, x.word + x.size, y.word, y.word + y.size, WordBefore);
}

// The length of `word` and its first four bytes (zeros after a shorter
// word), as one number: of two words whose keys differ, WordBefore puts first
// the one with the smaller key.
uint64_t SortKey(std::string_view word) {
  uint64_t key = static_cast<uint64_t>(word.size()) << 32;
  for (size_t k = 0; k < 4 && k < word.size(); ++k)
    key |= static_cast<uint64_t>(static_cast<unsigned char>(word[k])) << (8 * (3 - k));
  return key;
}

// The mentions of an article, sorted by their words. The names are given
// first, in article order, then sorted once (stably): each mention is built
// from the names given with its words, in the order given.
class Mentions {
 public:
  // Records that `words` name the person of `norm` (which must outlive Build).
  void Give(const NameWords& words, const std::string& norm) { given_.push_back(Given{words, &norm}); }

  void Build() {
    // The names are sorted by their places in given_: a Given is 144 bytes.
    // Most comparisons end at the first word's length and first bytes, read
    // once into SortKey; only names that agree there are compared in full.
    std::vector<Place> order(given_.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = Place{SortKey(given_[k].words.word[0]), k};
    SortStably(&order);
    list_.reserve(given_.size());
    for (const Place& place : order) {
      const Given& g = given_[place.given];
      if (list_.empty() || !(list_.back().words == g.words)) {
        list_.push_back(Mention{g.words, g.norm});
        continue;
      }
      Mention& m = list_.back();
      if (*g.norm == *m.norm) continue;
      // The same person by surname alone (أيت عدي) and by full name (رشيد أيت عدي): the full name.
      const std::string have = Squeezed(*m.norm), add_norm = Squeezed(*g.norm);
      if (have == add_norm || text_util::EndsWith(have, add_norm)) continue;
      if (text_util::EndsWith(add_norm, have)) {
        m.norm = g.norm;
        m.norm_words = -1;
        continue;
      }
      m.ambiguous = true;
    }
  }

  // After Build: the mention with these words, or nullptr.
  const Mention* Find(const NameWords& words) const {
    auto it = std::lower_bound(list_.begin(), list_.end(), words,
                               [](const Mention& m, const NameWords& w) { return WordsBefore(m.words, w); });
    return it != list_.end() && it->words == words ? &*it : nullptr;
  }

  void Reserve(size_t names) { given_.reserve(names); }
  bool empty() const { return given_.empty(); }
  const std::vector<Mention>& list() const { return list_; }

 private:
  struct Given {
    NameWords words;
    const std::string* norm;
  };
  // A name of given_ in the sorting, with the SortKey of its first word.
  struct Place {
    uint64_t key;
    uint32_t given;
  };
  // Most articles give a few names to sort, then sorted by insertion (in
  // place, stably); std::stable_sort takes a buffer from the heap.
  static constexpr size_t kInsertionSortMax = 32;
  void SortStably(std::vector<Place>* order) const {
    auto before = [this](const Place& x, const Place& y) {
      if (x.key != y.key) return x.key < y.key;
      return WordsBefore(given_[x.given].words, given_[y.given].words);
    };
    if (order->size() > kInsertionSortMax) {
      std::stable_sort(order->begin(), order->end(), before);
      return;
    }
    Place* const p = order->data();
    for (size_t k = 1; k < order->size(); ++k) {
      const Place x = p[k];
      size_t j = k;
      for (; j > 0 && before(x, p[j - 1]); --j) p[j] = p[j - 1];
      p[j] = x;
    }
  }
  std::vector<Given> given_;
  std::vector<Mention> list_;  // sorted by words
};

// The low six bits of the last byte and of the third byte from the end of
// `text` (three bytes or more): the last two letters when they are Arabic.
constexpr size_t kTailKeys = 1 << 12;
inline size_t TailKey(const char* end) {
  return (static_cast<size_t>(static_cast<unsigned char>(end[-3]) & 0x3F) << 6) |
         (static_cast<unsigned char>(end[-1]) & 0x3F);
}

// The mentions that can be linked, by first word, with a filter on the edges
// of the first words.
class FirstWordIndex {
 public:
  explicit FirstWordIndex(const Mentions& mentions) {
    sorted_.reserve(mentions.list().size());
    for (const Mention& m : mentions.list()) {
      if (m.ambiguous) continue;
      sorted_.push_back(&m);
      const std::string_view first = m.words.word[0];
      const size_t edge = EdgeKey(first);
      edges_[edge] = true;
      last_bytes_ |= uint64_t{1} << (edge & 0x3F);
      // A form of a token that is this word ends with the token's last
      // three bytes, unless the word is that short or is ال and a stem of
      // fewer bytes (للم -> الم).
      const bool short_tail =
          first.size() < 3 || (text_util::StartsWith(first, kAl) && first.size() < kAl.size() + 3);
      if (short_tail) any_tail_ = true;
      else tails_[TailKey(first.data() + first.size())] = true;
    }
  }

  // The first token from `t` on (or tokens.size()) that may start a
  // mention: an Arabic token (two bytes or more) whose last byte, shared by
  // all its forms, ends some first word, and then whose last two letters
  // (also those of its forms, see the constructor) do. Most tokens are
  // passed over here, in a loop of a few instructions each: the last byte
  // first, as it rules out most tokens of any kind.
  size_t NextToken(const std::vector<Token>& tokens, std::string_view key_text, size_t t) const {
    const Token* const token = tokens.data();
    const size_t n = tokens.size();
    const char* const key = key_text.data();
    const uint64_t last_bytes = last_bytes_;
    for (; t < n; ++t) {
      const Token& k = token[t];
      if (!(last_bytes >> (static_cast<unsigned char>(key[k.end - 1]) & 0x3F) & 1) || k.kind != TokenKind::kArabic)
        continue;
      if (any_tail_ || (k.end - k.begin >= 3 && tails_[TailKey(key + k.end)])) break;
    }
    return t;
  }
  bool HasEdges(size_t edge_key) const { return edges_[edge_key]; }

  // The mentions whose first word is `word`.
  std::pair<const Mention* const*, const Mention* const*> WithFirst(std::string_view word) const {
    auto range = std::equal_range(sorted_.begin(), sorted_.end(), word, Less());
    return {sorted_.data() + (range.first - sorted_.begin()), sorted_.data() + (range.second - sorted_.begin())};
  }

 private:
  struct Less {
    bool operator()(const Mention* m, std::string_view w) const { return WordBefore(m->words.word[0], w); }
    bool operator()(std::string_view w, const Mention* m) const { return WordBefore(w, m->words.word[0]); }
  };
  std::vector<const Mention*> sorted_;
  std::bitset<kEdgeKeys> edges_;
  uint64_t last_bytes_ = 0;  // bit b: a first word ends with a byte whose low six bits are b
  std::bitset<kTailKeys> tails_;  // TailKey of the first words
  bool any_tail_ = false;         // a first word too short for TailKey to rule out forms
};

// Full names again (a repeated name needs no context the second time) and
// surnames alone, linked to the full name through its norm.
void LinkSurnames(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  size_t num_persons = 0;
  for (const Candidate& c : *entities) num_persons += c.type == "PERSON";
  if (num_persons == 0) return;
  Mentions mentions;
  mentions.Reserve(2 * num_persons);  // a person gives its words and a surname at most
  // The words of every person, with its entity index.
  std::vector<std::pair<size_t, NameWords>> persons;
  persons.reserve(num_persons);
  for (size_t i = 0; i < entities->size(); ++i) {
    const Candidate& c = (*entities)[i];
    if (c.type != "PERSON") continue;
    persons.emplace_back(i, WordsOf(a, c));
    const NameWords& words = persons.back().second;
    // A name of one word found with evidence around it (ورأى X أنه), said again.
    if (words.size == 1 && WithContext(c) && Linkable(words, lex, /*with_context=*/true)) mentions.Give(words, c.norm);
    if (words.size < 2) continue;
    mentions.Give(words, c.norm);
    size_t from = words.size - 1;
    if (words.size >= 3 && lex.IsParticle(words.word[words.size - 2])) from = words.size - 2;
    const NameWords surname = words.From(from);
    if (Linkable(surname, lex, WithContext(c))) mentions.Give(surname, c.norm);
  }
  if (mentions.empty()) return;
  mentions.Build();
  // Existing short mentions (a surname alone) get the full name as norm,
  // once the mentions are no longer used (they point to the norms): the
  // norms are copied here, as they are before any changes.
  std::vector<std::pair<size_t, std::string>> renamed;
  for (const auto& [i, words] : persons) {
    const Mention* m = mentions.Find(words);
    if (m != nullptr && !m->ambiguous && words.size < m->NormWords()) renamed.emplace_back(i, *m->norm);
  }
  // Index by first word; the last byte of a token and the first and last
  // letters of its forms let most tokens be skipped without a lookup.
  const FirstWordIndex index(mentions);
  const std::vector<Token>& tokens = *a.tokens;
  std::string scratch;
  // The names found, as places: they become entities at the end, in a
  // vector of the right size (a Candidate costs a move each time a vector
  // grows).
  struct Found {
    uint32_t begin;
    uint32_t end;
    const Mention* mention;
  };
  std::vector<Found> found;
  for (size_t t = index.NextToken(tokens, a.key_text, 0); t < tokens.size();
       t = index.NextToken(tokens, a.key_text, t + 1)) {
    const std::string_view token = tokens[t].View(a.key_text);  // folded already
    bool done = false;
    for (int form = -1; form < tokens[t].num_stems && !done; ++form) {
      uint16_t skip = 0;
      std::string_view text = token;
      if (form >= 0) {
        const Stem& stem = tokens[t].stems[form];
        if (stem.DropsArticle()) continue;
        const std::string_view rest = token.substr(stem.key_skip);
        if (!index.HasEdges(stem.add_article ? EdgeKeyAfterArticle(rest) : EdgeKey(rest))) continue;
        text = tokens[t].StemText(a.key_text, stem, &scratch);
        skip = stem.skip;
      } else if (!index.HasEdges(EdgeKey(text))) {
        continue;
      }
      // The longest mention that matches here.
      const Mention* best = nullptr;
      const auto [first, last] = index.WithFirst(text);
      for (const Mention* const* it = first; it != last; ++it) {
        const Mention* m = *it;
        if (t + m->words.size > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 1; k < m->words.size && ok; ++k)
          ok = SameWord(tokens[t + k].View(a.key_text), m->words.word[k]) &&
               rel::Blank(rel::Between(a, tokens[t + k - 1].end, tokens[t + k].begin));
        if (ok && (!best || m->words.size > best->words.size)) best = m;
      }
      if (!best) continue;
      done = true;
      const uint32_t begin = tokens[t].begin + skip;
      const uint32_t end = tokens[t + best->words.size - 1].end;
      if (rel::EntityAt(*entities, begin) >= 0 || rel::EntityAt(*entities, end - 1) >= 0) break;
      if (best->words.size == 1 || best->words.size == 2) {
        // A surname inside another name: a given name or particle right before it.
        rel::Word prev = rel::PreviousWord(a, tokens[t].begin);
        const std::string_view pw = rel::Between(a, prev.begin, prev.end);
        if (!prev.empty() && rel::Blank(rel::Between(a, prev.end, tokens[t].begin))) {
          const PersonLexicon::Word info = lex.Info(pw);
          if ((info.given() || info.particle()) && best->words.size < best->NormWords() &&
              Squeezed(*best->norm).size() > Squeezed(pw).size())
            break;
        }
      }
      found.push_back(Found{begin, end, best});
    }
  }
  std::vector<Candidate> names;
  names.reserve(found.size());
  for (const Found& f : found) {
    const Mention& m = *f.mention;
    names.push_back(PersonMention(f.begin, f.end, *m.norm,
                                  m.words.size < m.NormWords() ? "mentions.cc surname" : "mentions.cc repeated_name"));
  }
  for (auto& [i, norm] : renamed) (*entities)[i].norm = std::move(norm);
  InsertAll(entities, std::move(names));
}

}  // namespace

void LinkMentions(const Analysis& analysis, std::vector<Candidate>* entities) {
  const PersonLexicon lexicon(analysis.gazetteer, analysis.rules);
  DropPrefixedNames(analysis, lexicon, entities);
  AddNamesAfterRoles(analysis, lexicon, entities);
  AddNamesAfterNationalities(analysis, lexicon, entities);
  AddNamesBeforeRoles(analysis, lexicon, entities);
  LinkSurnames(analysis, lexicon, entities);
}

}  // namespace khabar
