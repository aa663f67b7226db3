#include "candidates.h"

#include <re2/re2.h>

#include <algorithm>
#include <bitset>
#include <new>

#include "group_cache.h"

namespace khabar {
namespace {

constexpr int kMaxGroups = 32;
constexpr int kBoundaryRetries = 3;
// Rules match within this many bytes after their trigger (entities are a
// few words long), which bounds the work of a pattern that runs on; a match
// that reaches the end of the window is retried on the whole text.
constexpr size_t kMatchWindow = 512;

// The end of the window of a rule tried at `anchor`: kMatchWindow bytes on,
// moved back to the start of a code point, so that a match running over the
// window ends exactly at its end (not one byte short, before a letter cut in
// two) and is retried.
size_t WindowEnd(std::string_view text, uint32_t anchor) {
  if (text.size() - anchor <= kMatchWindow) return text.size();
  size_t end = anchor + kMatchWindow;
  while (end > anchor && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

// Whether the assertion a rule's pattern opens with holds at `anchor`, as
// RE2 reads it with the text before the anchor as context.
bool MayStartAt(std::string_view text, MatchStart start, uint32_t anchor) {
  switch (start) {
    case MatchStart::kLineStart: return anchor == 0 || text[anchor - 1] == '\n';
    case MatchStart::kTextStart: return anchor == 0;
    case MatchStart::kAnywhere: break;
  }
  return true;
}

// The size of the letter of `letters` at text[p], as RE2 reads UTF-8 (one
// byte, or two well formed ones before `limit`); 0 for anything else.
size_t LetterAt(std::string_view text, size_t p, size_t limit, const std::bitset<0x800>& letters) {
  const unsigned char lead = static_cast<unsigned char>(text[p]);
  if (lead < 0x80) return letters[lead] ? 1 : 0;
  if (lead < 0xC2 || lead > 0xDF || p + 1 >= limit) return 0;
  const unsigned char next = static_cast<unsigned char>(text[p + 1]);
  if ((next & 0xC0) != 0x80) return 0;
  return letters[((lead & 0x1F) << 6) | (next & 0x3F)] ? 2 : 0;
}

enum class Scan { kMatch, kNoMatch, kUndecided };

// Matches a pattern of words (Rule::words) at `anchor` as RE2 would in the
// window of its first try: each word is the whole run of its letters, each
// blank the whole run of blanks, since a word holds no blank. Undecided
// where RE2 may see it otherwise: a run that reaches the end of the window,
// or a match that does not end at a token boundary (RE2 then tries again).
// Fills groups[0..ngroups] on a match.
Scan ScanWords(const Analysis& a, const Rule& rule, uint32_t anchor, int ngroups, re2::StringPiece* groups) {
  const std::string_view text = a.text;
  // A byte is read at p only when p + 1 < limit: a letter of two bytes is
  // then whole in the window.
  const size_t limit = WindowEnd(text, anchor);
  size_t p = anchor;
  for (size_t w = 0; w < rule.words.size(); ++w) {
    if (w > 0) {
      const size_t blanks = p;
      while (p + 1 < limit && (text[p] == ' ' || text[p] == '\t')) ++p;
      if (p + 1 >= limit) return Scan::kUndecided;
      if (p == blanks) return Scan::kNoMatch;
    }
    const size_t begin = p;
    while (p + 1 < limit) {
      const size_t size = LetterAt(text, p, limit, rule.words[w].letters);
      if (size == 0) break;
      p += size;
    }
    if (p + 1 >= limit) return Scan::kUndecided;
    if (p == begin) return Scan::kNoMatch;
    const int g = rule.words[w].group;
    if (g != 0 && g <= ngroups) groups[g] = re2::StringPiece(text.data() + begin, p - begin);
  }
  if (!a.boundary[p]) return Scan::kUndecided;
  groups[0] = re2::StringPiece(text.data() + anchor, p - anchor);
  for (int g : rule.end_groups)
    if (g <= ngroups) groups[g] = re2::StringPiece(text.data() + p, 0);
  return Scan::kMatch;
}

// The end of `literal` (LiteralWords) matched at text[p], all of it before
// `limit`, or npos; with `line_feeds`, its runs of blanks may hold line
// feeds too.
size_t LiteralEnd(std::string_view text, size_t p, size_t limit, std::string_view literal,
                  bool line_feeds = false) {
  for (const char c : literal) {
    if (c == LiteralWords::kBlanks) {
      const size_t blanks = p;
      while (p < limit && (text[p] == ' ' || text[p] == '\t' || (line_feeds && text[p] == '\n'))) ++p;
      if (p == blanks) return std::string_view::npos;
    } else if (c == LiteralWords::kTaOrHa) {
      if (p + 2 > limit || !(text.compare(p, 2, "\xD8\xA9") == 0 || text.compare(p, 2, "\xD9\x87") == 0))
        return std::string_view::npos;
      p += 2;
    } else {
      if (p >= limit || text[p] != c) return std::string_view::npos;
      ++p;
    }
  }
  return p;
}

// Matches a choice of literal words (Rule::literals) at `anchor` as RE2
// would: the longest match in the window of its first try, its groups those
// of the first prefix (in the pattern's order, none last) that leads to
// that end. Undecided where RE2 tries again: a match that reaches the end of
// the window or does not end at a token boundary. Fills groups[0..ngroups]
// on a match.
Scan ScanLiterals(const Analysis& a, const Rule& rule, uint32_t anchor, int ngroups, re2::StringPiece* groups) {
  const std::string_view text = a.text;
  const LiteralWords& literals = rule.literals;
  const size_t limit = WindowEnd(text, anchor);
  size_t end = std::string_view::npos;
  size_t words_begin = anchor;
  const int choices = static_cast<int>(literals.prefixes.size()) + (literals.prefix_optional ? 1 : 0);
  for (int k = 0; k < std::max(choices, 1); ++k) {
    size_t begin = anchor;
    if (k < static_cast<int>(literals.prefixes.size())) {
      begin = LiteralEnd(text, anchor, limit, literals.prefixes[k]);
      if (begin == std::string_view::npos) continue;
    }
    for (const std::string& word : literals.words) {
      const size_t e = LiteralEnd(text, begin, limit, word);
      if (e != std::string_view::npos && (end == std::string_view::npos || e > end)) {
        end = e;
        words_begin = begin;
      }
    }
  }
  if (end == std::string_view::npos) return Scan::kNoMatch;
  if ((limit < text.size() && end == limit) || !a.boundary[end]) return Scan::kUndecided;
  groups[0] = re2::StringPiece(text.data() + anchor, end - anchor);
  if (literals.prefix_group != 0 && literals.prefix_group <= ngroups)
    groups[literals.prefix_group] = words_begin > anchor || !literals.prefix_optional
                                        ? re2::StringPiece(text.data() + anchor, words_begin - anchor)
                                        : re2::StringPiece();
  if (literals.word_group <= ngroups)
    groups[literals.word_group] = re2::StringPiece(text.data() + words_begin, end - words_begin);
  for (int g : rule.end_groups)
    if (g <= ngroups) groups[g] = re2::StringPiece(text.data() + end, 0);
  return Scan::kMatch;
}

// The end of the run of `letters` from text[p].
size_t LettersEnd(std::string_view text, size_t p, const std::bitset<0x800>& letters) {
  while (p < text.size()) {
    const size_t size = LetterAt(text, p, text.size(), letters);
    if (size == 0) break;
    p += size;
  }
  return p;
}

// Fills groups[1..ngroups] of a pattern of LeadingLiterals matching all of
// `matched`: each leading group is the string of its choices that starts
// there, the last group the rest. False, for RE2 to decide, where strings of
// different sizes start at the same place.
bool LeadingGroups(const LeadingLiterals& leading, std::string_view matched, int ngroups,
                   re2::StringPiece* groups) {
  size_t p = 0;
  for (const LeadingLiterals::Group& group : leading.groups) {
    size_t end = group.strings.empty() ? p : std::string_view::npos;
    for (const std::string& s : group.strings) {
      const size_t e = LiteralEnd(matched, p, matched.size(), s);
      if (e == std::string_view::npos) continue;
      if (end != std::string_view::npos && e != end) return false;
      end = e;
    }
    if (end == std::string_view::npos) return false;
    if (group.group <= ngroups) groups[group.group] = re2::StringPiece(matched.data() + p, end - p);
    p = end;
  }
  if (leading.blanks_before_rest) {
    const size_t blanks = p;
    p = SkipSpacesAndTabs(matched, p);
    if (p == blanks) return false;
  }
  if (leading.rest_group <= ngroups)
    groups[leading.rest_group] = re2::StringPiece(matched.data() + p, matched.size() - p);
  return true;
}

// The size of the quote a name may open with (“ " «) at text[p], or 0.
size_t QuoteAt(std::string_view text, size_t p) {
  for (const std::string_view quote : {"\xE2\x80\x9C", "\"", "\xC2\xAB"})
    if (text.compare(p, quote.size(), quote) == 0) return quote.size();
  return 0;
}

// Fills groups 1 and 2 (title and name) of a TitledName pattern matching
// all of `matched`, as RE2 would: the longest title (three words at most,
// the second and third with the article) that leaves one to six name words,
// none of them after a quote but the first. False, for RE2 to decide, where
// the text is not words and blanks as the pattern has them.
bool TitledNameGroups(const TitledName& titled, std::string_view matched, re2::StringPiece* groups) {
  constexpr int kMaxWords = 9;  // three title words and six name words
  size_t begin[kMaxWords];
  size_t end[kMaxWords];
  bool quoted[kMaxWords] = {};  // whether a quote comes before word i
  int n = 0;
  for (size_t p = 0;;) {
    begin[n] = p;
    p = LettersEnd(matched, p, titled.letters);
    if (p == begin[n]) return false;
    end[n++] = p;
    if (p == matched.size()) break;
    const size_t blanks = p;
    p = SkipSpacesAndTabs(matched, p);
    if (p == blanks || n == kMaxWords) return false;
    if (const size_t quote = QuoteAt(matched, p); quote > 0) {
      quoted[n] = true;
      p = SkipSpacesAndTabs(matched, p + quote);
    }
  }
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
  auto article_word = [&](int i) {
    return end[i] - begin[i] > kArticle.size() && matched.compare(begin[i], kArticle.size(), kArticle) == 0;
  };
  // The title words are 0..k-1, the name words k..n-1.
  for (int k = std::min(3, n - 1); k >= 1 && n - k <= 6; --k) {
    bool fits = true;
    for (int i = 1; i < n && fits; ++i) fits = i == k || (!quoted[i] && (i >= k || article_word(i)));
    if (!fits) continue;
    groups[1] = re2::StringPiece(matched.data(), end[k - 1]);
    groups[2] = re2::StringPiece(matched.data() + begin[k], matched.size() - begin[k]);
    return true;
  }
  return false;
}

// The end of the honorific of a HonorificName at matched[p], or npos: د or
// ذ and a dot, blanks around it, or a title word after ال or ل and blanks.
size_t HonorificEnd(const HonorificName& honorific, std::string_view matched, size_t p) {
  if (matched.compare(p, 2, "\xD8\xAF") == 0 || matched.compare(p, 2, "\xD8\xB0") == 0) {
    const size_t dot = SkipSpacesAndTabs(matched, p + 2);
    return dot < matched.size() && matched[dot] == '.' ? SkipSpacesAndTabs(matched, dot + 1) : std::string_view::npos;
  }
  const size_t word_end = LettersEnd(matched, p, honorific.letters);
  const size_t end = SkipSpacesAndTabs(matched, word_end);
  if (end == word_end) return std::string_view::npos;
  const std::string_view word = matched.substr(p, word_end - p);
  for (const std::string_view article : {"\xD8\xA7\xD9\x84", "\xD9\x84"}) {
    if (word.compare(0, article.size(), article) != 0) continue;
    const std::string_view title = word.substr(article.size());
    for (const std::string& w : honorific.words)
      if (title == w) return end;
  }
  return std::string_view::npos;
}

// Where the name of a HonorificName starts when all of matched[p..] is one
// (maybe after a quote and blanks), or npos.
size_t NameStart(const HonorificName& honorific, std::string_view matched, size_t p) {
  if (const size_t quote = QuoteAt(matched, p); quote > 0) p = SkipSpacesAndTabs(matched, p + quote);
  const size_t start = p;
  for (int words = 1; words <= 6; ++words) {
    const size_t word_end = LettersEnd(matched, p, honorific.letters);
    if (word_end == p) break;
    if (word_end == matched.size()) return start;
    p = SkipSpacesAndTabs(matched, word_end);
    if (p == word_end) break;
  }
  return std::string_view::npos;
}

// Fills groups 1 and 2 (the first honorific and the name) of a
// HonorificName pattern matching all of `matched`, as RE2 would: the name
// follows as many honorifics as leave one. False, for RE2 to decide, where
// the text is not honorifics and a name.
bool HonorificNameGroups(const HonorificName& honorific, std::string_view matched, re2::StringPiece* groups) {
  constexpr int kMaxHonorifics = 8;
  size_t ends[kMaxHonorifics];  // of the honorifics, one after another
  int n = 0;
  for (size_t p = 0; n < kMaxHonorifics;) {
    p = HonorificEnd(honorific, matched, p);
    if (p == std::string_view::npos) break;
    ends[n++] = p;
  }
  if (n == 0 || n == kMaxHonorifics) return false;
  for (int k = n - 1; k >= 0; --k) {
    const size_t name = NameStart(honorific, matched, ends[k]);
    if (name == std::string_view::npos) continue;
    groups[1] = re2::StringPiece(matched.data(), ends[0]);
    groups[2] = re2::StringPiece(matched.data() + name, matched.size() - name);
    return true;
  }
  return false;
}

// Whether a match of `rule` may start at `anchor`: false only where none of
// its known openings starts the text there (their blanks taken to stand for
// a run of blanks or line feeds), so that RE2 would find none.
bool MayOpenAt(std::string_view text, const Rule& rule, uint32_t anchor) {
  if (rule.openings.empty()) return true;
  for (const std::string& opening : rule.openings)
    if (LiteralEnd(text, anchor, text.size(), opening, /*line_feeds=*/true) != std::string_view::npos) return true;
  return false;
}

// Matches `rule` at `anchor` with RE2: true and fills groups[0..ngroups] on a
// match that ends at a token boundary. `cache` keeps the groups of rules
// marked groups_keep.
bool MatchWithRe2(const Analysis& a, const Rule& rule, uint32_t anchor, int ngroups, GroupCache* cache,
                  re2::StringPiece* groups) {
  const RE2& re = *rule.re;
  const re2::StringPiece text(a.text.data(), a.text.size());
  size_t endpos = WindowEnd(a.text, anchor);
  bool windowed = endpos < a.text.size();  // only the first try
  size_t end = 0;                           // of the match
  for (int attempt = 0; attempt < kBoundaryRetries; ++attempt) {
    // Where the match ends, from RE2's DFA alone (cheap); the groups below.
    if (!re.Match(text, anchor, endpos, RE2::ANCHOR_START, groups, 1)) return false;
    end = groups[0].data() - a.text.data() + groups[0].size();
    if (windowed && end == endpos) {
      endpos = a.text.size();  // the window was too small
      windowed = false;
      continue;
    }
    windowed = false;
    if (end > anchor && a.boundary[end]) break;
    // Ended inside a token: retry on text cut at the previous boundary.
    size_t cut = end;
    while (cut > anchor && !a.boundary[cut]) --cut;
    if (cut <= anchor) return false;
    endpos = cut;
    if (attempt + 1 == kBoundaryRetries) return false;
  }
  if (rule.span_is_match) {
    groups[1] = groups[0];
    for (int g = 2; g <= ngroups; ++g) groups[g] = re2::StringPiece(groups[0].data() + groups[0].size(), 0);
  } else if (ngroups > 0) {
    // The groups: from the leading literals or the words of the match where
    // they decide, or a full match over the matched bytes only, unless kept from the
    // same rule matching the same text before.
    const std::string_view matched(groups[0].data(), groups[0].size());
    if (!rule.leading.groups.empty() && LeadingGroups(rule.leading, matched, ngroups, groups)) return true;
    if (rule.titled_name.on && TitledNameGroups(rule.titled_name, matched, groups)) return true;
    if (rule.honorific_name.on && HonorificNameGroups(rule.honorific_name, matched, groups)) return true;
    if (!rule.groups_keep) {
      if (!re.Match(text, anchor, end, RE2::ANCHOR_BOTH, groups, ngroups + 1)) return false;
    } else if (!cache->Find(&rule, matched, ngroups, groups)) {
      // The pattern does not look past its match: the matched bytes alone
      // make its text. RE2 then searches the groups at once (bit-state, for
      // a text that short) instead of first running its DFA over the whole
      // match again.
      const re2::StringPiece alone(matched.data(), matched.size());
      if (!re.Match(alone, 0, alone.size(), RE2::ANCHOR_BOTH, groups, ngroups + 1)) return false;
      cache->Put(&rule, matched, ngroups, groups);
    }
  }
  return true;
}

// Runs `rule` anchored at `anchor`; on a match that ends at a token boundary
// and passes the value builder, adds its candidate to `out` (built only
// then: most tries fail). `cache` keeps the groups of rules marked
// groups_keep.
void MatchRule(const Analysis& a, const Rule& rule, uint32_t anchor, const ValueContext& context,
               GroupCache* cache, std::vector<Candidate>* out) {
  const int ngroups = std::min(rule.re->NumberOfCapturingGroups(), kMaxGroups - 1);
  // RE2 writes every submatch it is asked for and nothing else is read:
  // raw room, not cleared on each of the many tries.
  alignas(re2::StringPiece) unsigned char room[sizeof(re2::StringPiece) * kMaxGroups];
  re2::StringPiece* const groups = std::launder(reinterpret_cast<re2::StringPiece*>(room));
  const Scan scan = !rule.words.empty()            ? ScanWords(a, rule, anchor, ngroups, groups)
                    : !rule.literals.words.empty() ? ScanLiterals(a, rule, anchor, ngroups, groups)
                                                   : Scan::kUndecided;
  if (scan == Scan::kNoMatch) return;
  if (scan == Scan::kUndecided &&
      (!MayOpenAt(a.text, rule, anchor) || !MatchWithRe2(a, rule, anchor, ngroups, cache, groups)))
    return;
  RuleMatch match;
  match.rule = &rule;
  match.text = std::string_view(groups[0].data(), groups[0].size());
  match.following = std::string_view(a.text).substr(groups[0].data() - a.text.data() + groups[0].size());
  uint32_t begin = anchor;
  uint32_t end = static_cast<uint32_t>(groups[0].data() - a.text.data() + groups[0].size());
  for (const auto& [name, index] : rule.named_groups) {
    if (index > ngroups || groups[index].data() == nullptr) continue;
    std::string_view g(groups[index].data(), groups[index].size());
    match.groups.emplace_back(name, g);
    if (index == rule.span_group) {
      begin = static_cast<uint32_t>(g.data() - a.text.data());
      end = static_cast<uint32_t>(begin + g.size());
    }
  }
  if (end <= begin) return;
  std::optional<Value> value;
  if (rule.builder) {
    value = rule.builder(match, context);
    if (!value) return;
    if (value->end_in_match >= 0) {
      end = static_cast<uint32_t>(anchor + value->end_in_match);
      if (end <= begin || !a.boundary[end]) return;
    }
  }
  Candidate& c = out->emplace_back();
  c.begin = begin;
  c.end = end;
  c.type = rule.type;
  c.subtype = rule.subtype;
  c.rule = rule.provenance;
  c.priority = rule.priority;
  if (value) c.value = std::move(*value);
  c.norm = !c.value.norm.empty() ? c.value.norm
           : rule.type == "DATE" ? std::string()
                                 : DefaultNorm(a, begin, end);
  c.order = static_cast<int>(out->size() - 1);
}

// The original text behind the normalized byte range [begin, end).
std::string_view OriginalView(const Analysis& a, uint32_t begin, uint32_t end) {
  if (a.normalized == nullptr) return a.text.substr(begin, end - begin);
  const NormalizedText& n = *a.normalized;
  const uint32_t b = n.orig_cp_byte[n.OriginalStart(begin)];
  return a.original.substr(b, n.orig_cp_byte[n.OriginalEnd(begin, end)] - b);
}

// Whether `word`, with the marks normalization removes left out, is `bare`;
// compared as it is decoded: a word mostly differs in its first letter.
bool SameWithoutMarks(std::string_view word, std::string_view bare) {
  // Marks only make a word longer: one no longer than `bare` is it byte for
  // byte or not at all (the preposition على against the name علي).
  if (word.size() <= bare.size() && word != bare) return false;
  size_t matched = 0;  // bytes of `bare` seen in `word` so far
  for (size_t pos = 0; pos < word.size();) {
    const size_t start = pos;
    if (IsRemovedMark(DecodeUtf8(word, &pos))) continue;
    if (matched + (pos - start) > bare.size()) return false;
    for (size_t k = start; k < pos; ++k)
      if (word[k] != bare[matched++]) return false;
  }
  return matched == bare.size();
}

// Whether the original text behind the normalized bytes [begin, end), with
// the marks normalization removes left out, is one of `spellings`.
bool SpelledAs(const Analysis& a, uint32_t begin, uint32_t end, const std::vector<std::string>& spellings) {
  const std::string_view word = OriginalView(a, begin, end);
  for (const std::string& spelling : spellings)
    if (SameWithoutMarks(word, spelling)) return true;
  return false;
}

}  // namespace

std::string OriginalText(const Analysis& a, uint32_t begin, uint32_t end) {
  return std::string(OriginalView(a, begin, end));
}

std::string DefaultNorm(const Analysis& a, uint32_t begin, uint32_t end) {
  std::string norm(a.text.substr(begin, end - begin));
  // لل: the span starts at the second ل, which stands for the article.
  constexpr std::string_view kLam = "\xD9\x84";
  if (begin >= 2 && a.text.substr(begin - 2, 2) == kLam && norm.compare(0, 2, kLam) == 0 &&
      !a.boundary[begin])
    norm.insert(0, "\xD8\xA7");
  return CollapseSpaces(norm);  // names split over a line break
}

void AddGazetteerCandidates(const Analysis& a, const Gazetteer& gazetteer, std::vector<Candidate>* out) {
  std::vector<GazetteerHit> hits;
  gazetteer.Match(*a.tokens, a.forms->gazetteer_starts, &hits);
  for (const GazetteerHit& hit : hits) {
    const GazetteerEntry& e = gazetteer.entries()[hit.entry];
    Candidate c;
    c.begin = (*a.tokens)[hit.first_token].begin + hit.skip;
    c.end = (*a.tokens)[hit.end_token - 1].end;
    c.type = e.type;
    c.subtype = e.subtype;
    c.norm = e.canonical;
    c.id = e.id;
    c.rule = e.provenance;
    c.priority = kGazetteerPriority;
    c.order = static_cast<int>(out->size());
    out->push_back(std::move(c));
  }
}

void AddRuleCandidates(const Analysis& a, const RuleSet& rules, const ValueContext& context,
                       std::vector<Candidate>* out) {
  // (anchor, rule) pairs tried at this token: a rule triggered by the word
  // and by one of its stems runs once per anchor.
  std::vector<std::pair<uint32_t, uint32_t>> tried;
  thread_local GroupCache cache;
  cache.UseRuleSet(rules.instance());
  // Whether a word a rule needs follows token i closely enough.
  const std::vector<uint32_t>& needed = a.forms->needed;
  auto has_needed = [&](const Rule& rule, size_t i) {
    const size_t last = std::min(needed.size() - 1, i + static_cast<size_t>(rule.needs_within));
    for (size_t k = i + 1; k <= last; ++k)
      if (needed[k] & rule.needs_mask) return true;
    return false;
  };
  // Runs the rules `ids` at `anchor`, inside token i; `article`: the
  // trigger word is a stem after the article.
  auto run = [&](const std::vector<uint32_t>& ids, size_t i, uint32_t anchor, bool article) {
    for (uint32_t id : ids) {
      const Rule& rule = rules.rules()[id];
      if (article && !rule.after_article) continue;
      if (!MayStartAt(a.text, rule.start, anchor)) continue;
      if (rule.needs_mask != 0 && !has_needed(rule, i)) continue;
      if (!rule.not_spelled.empty() && SpelledAs(a, anchor, (*a.tokens)[i].end, rule.not_spelled)) continue;
      const std::pair<uint32_t, uint32_t> key(anchor, id);
      if (std::find(tried.begin(), tried.end(), key) != tried.end()) continue;
      tried.push_back(key);
      MatchRule(a, rule, anchor, context, &cache, out);
    }
  };
  std::vector<uint32_t> digit_rules;  // those that match at a number
  // Tokens without a trigger run no rule: only the triggers are visited.
  const std::vector<FormIndex::Trigger>& triggers = a.forms->triggers;
  for (size_t k = 0; k < triggers.size(); ++k) {
    const FormIndex::Trigger& trigger = triggers[k];
    const size_t i = trigger.token;
    const Token& t = (*a.tokens)[i];
    if (k == 0 || triggers[k - 1].token != i) tried.clear();
    if (trigger.rules == nullptr) {
      if (t.kind == TokenKind::kLatin) {
        run(rules.LatinRules(), i, t.begin, false);
      } else {
        // A number runs only the rules that match in the window of
        // MatchRule's first try: where none does, no rule matches.
        const std::string_view window = a.text.substr(t.begin, WindowEnd(a.text, t.begin) - t.begin);
        rules.DigitRulesAt(window, &digit_rules);
        run(digit_rules, i, t.begin, false);
      }
    } else if (trigger.form == 0) {
      run(*trigger.rules, i, t.begin, false);
    } else {
      const Stem& stem = t.stems[trigger.form - 1];
      run(*trigger.rules, i, t.begin + stem.skip, stem.DropsArticle());
    }
  }
}

std::vector<Candidate> ResolveOverlaps(std::vector<Candidate> candidates) {
  // Sorted through indexes: candidates carry several strings.
  std::vector<uint32_t> order(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const Candidate& x = candidates[i];
    const Candidate& y = candidates[j];
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.end - x.begin != y.end - y.begin) return x.end - x.begin > y.end - y.begin;
    if (x.begin != y.begin) return x.begin < y.begin;
    return x.order < y.order;
  });
  std::vector<uint32_t> kept;
  std::vector<std::pair<uint32_t, uint32_t>> taken;  // sorted by begin
  for (uint32_t i : order) {
    const Candidate& c = candidates[i];
    auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(c.begin, 0u));
    bool overlaps = (it != taken.end() && it->first < c.end) || (it != taken.begin() && std::prev(it)->second > c.begin);
    if (overlaps) continue;
    taken.insert(it, {c.begin, c.end});
    kept.push_back(i);
  }
  // Kept candidates do not overlap: ordered by begin, they are unique.
  std::sort(kept.begin(), kept.end(), [&](uint32_t i, uint32_t j) { return candidates[i].begin < candidates[j].begin; });
  std::vector<Candidate> out;
  // Room for the names that mention linking adds (InsertAll), which would
  // otherwise move every entity to a larger vector.
  out.reserve(kept.size() + kept.size() / 4 + 8);
  for (uint32_t i : kept) out.push_back(std::move(candidates[i]));
  return out;
}

}  // namespace khabar
