// Linking within an article, after overlap resolution:
//  - a name right after a title of office and its organization
//    (`رئيس الجمعية محمد أمزيان`, `رئيسها السيد X`, `الملك محمد السادس`)
//    becomes a PERSON even when the name rules needed more evidence;
//  - a later mention of a person by surname alone (`الخليفي`) becomes a
//    PERSON whose norm is the full name given elsewhere in the article.
#include <algorithm>
#include <map>

#include "names/person_lexicon.h"
#include "names/person_name.h"
#include "relations_text.h"
#include "stages.h"

namespace khabar {
namespace {

constexpr int kMentionPriority = 50;
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال

// Inserts `c` keeping `entities` sorted and non-overlapping. Gazetteer hits
// that lie inside the new span give way to it; anything else blocks it.
bool Insert(std::vector<Candidate>* entities, Candidate c) {
  size_t k = rel::FirstFrom(*entities, c.begin);
  if (k > 0 && (*entities)[k - 1].end > c.begin) return false;
  size_t last = k;
  while (last < entities->size() && (*entities)[last].begin < c.end) {
    const Candidate& inside = (*entities)[last];
    if (inside.end > c.end || inside.priority > kGazetteerPriority || inside.type == "ROLE") return false;
    ++last;
  }
  entities->erase(entities->begin() + k, entities->begin() + last);
  entities->insert(entities->begin() + k, std::move(c));
  return true;
}

// Where the name of the holder may start after the title `role`: after the
// organization (a named entity or a generic noun such as الجمعية), a comma,
// honorifics and quotes.
void AddNamesAfterRoles(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  std::vector<std::pair<uint32_t, uint32_t>> roles;
  for (const Candidate& c : *entities)
    if (c.type == "ROLE") roles.emplace_back(c.begin, c.end);
  for (const auto& [role_begin, role_end] : roles) {
    (void)role_begin;
    uint32_t p = role_end;
    size_t k = rel::FirstFrom(*entities, p);
    if (k < entities->size() && ((*entities)[k].type == "ORG" || (*entities)[k].type == "LOC")) {
      if (rel::OrgGap(rel::Between(a, p, (*entities)[k].begin), (*entities)[k].type == "LOC"))
        p = (*entities)[k].end;
    } else if (auto an = rel::AnaphorAt(a, p, lex)) {
      if (rel::Blank(rel::Between(a, p, an->begin)) || an->begin == p) p = an->end;
    }
    uint32_t q = rel::SkipFiller(a, p, "\xD8\x8C,:");  // ، , :
    NameEvidence evidence = NameEvidence::kAfterRole;
    for (int n = 0; n < 3; ++n) {
      rel::Word w = rel::NextWord(a, q);
      if (w.empty()) break;
      std::string word = rel::WithoutProclitics(rel::Between(a, w.begin, w.end));
      if (lex.IsHonorific(word)) {
        evidence = NameEvidence::kStrong;
      } else if (!lex.IsTitle(word)) {
        break;
      }
      q = rel::SkipFiller(a, w.end, "");
    }
    q = rel::SkipFiller(a, q, "");
    if (q >= a.text.size() || !a.boundary[q] || rel::EntityAt(*entities, q) >= 0) continue;
    const size_t length = ScanPersonName(a.text.substr(q), evidence, lex);
    if (length == 0) continue;
    Candidate c;
    c.begin = q;
    c.end = static_cast<uint32_t>(q + length);
    c.type = "PERSON";
    c.norm = DefaultNorm(a, c.begin, c.end);
    c.rule = "mentions.cc person_after_role";
    c.priority = kMentionPriority;
    Insert(entities, std::move(c));
  }
}

// The surname part of a full name (normalized): the last word, or the last
// two when the word before is a particle (أيت عدي, بن زيادي, عبد الخالق).
std::string Surname(std::string_view name, const PersonLexicon& lex, size_t* words_out) {
  std::vector<text_util::WordSpan> words = text_util::LeadingWords(name, 8);
  *words_out = words.size();
  if (words.size() < 2) return std::string();
  const text_util::WordSpan& last = words.back();
  size_t begin = last.begin;
  if (words.size() >= 3) {
    const text_util::WordSpan& prev = words[words.size() - 2];
    if (lex.IsParticle(name.substr(prev.begin, prev.end - prev.begin))) begin = prev.begin;
  }
  return std::string(name.substr(begin, last.end - begin));
}

// A name key without spaces (نور الدين = نورالدين).
std::string Squeezed(std::string_view name) {
  std::string key = rel::NameKey(name);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

bool Linkable(std::string_view surname, const PersonLexicon& lex) {
  if (surname.find(' ') != std::string_view::npos) return true;  // a compound
  if (text_util::Letters(surname) < 3 || lex.IsStop(surname) || lex.IsStopInside(surname)) return false;
  if (lex.IsFamily(surname)) return true;
  if (lex.IsGiven(surname)) return false;
  if (text_util::StartsWith(surname, kAl)) return text_util::Letters(surname) >= 5;
  return LooksLikeSurname(surname);
}

void LinkSurnames(const Analysis& a, const PersonLexicon& lex, std::vector<Candidate>* entities) {
  // Surname -> full name; a surname shared by two full names is ambiguous.
  std::map<std::string, std::string> full;
  std::map<std::string, bool> ambiguous;
  for (const Candidate& c : *entities) {
    if (c.type != "PERSON") continue;
    size_t n = 0;
    std::string surname = Surname(rel::Between(a, c.begin, c.end), lex, &n);
    if (surname.empty() || !Linkable(surname, lex)) continue;
    const std::string key = rel::NameKey(surname);
    auto it = full.find(key);
    if (it == full.end()) {
      full[key] = c.norm;
    } else if (Squeezed(it->second) != Squeezed(c.norm)) {
      ambiguous[key] = true;  // two people share the surname
    }
  }
  if (full.empty()) return;
  for (auto& [key, norm] : full) {
    if (ambiguous.count(key)) continue;
    // Existing one-word mentions get the full name as norm.
    for (Candidate& c : *entities)
      if (c.type == "PERSON" && rel::NameKey(rel::Between(a, c.begin, c.end)) == key) c.norm = norm;
  }
  const std::vector<Token>& tokens = *a.tokens;
  std::string scratch;
  std::vector<Candidate> found;
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].kind != TokenKind::kArabic) continue;
    for (int form = -1; form < tokens[t].num_stems; ++form) {
      uint16_t skip = 0;
      std::string_view text = tokens[t].View(a.text);
      if (form >= 0) {
        const Stem& stem = tokens[t].stems[form];
        if (stem.DropsArticle()) continue;
        text = tokens[t].StemText(a.text, stem, &scratch);
        skip = stem.skip;
      }
      std::string key = rel::NameKey(text);
      size_t end_token = t + 1;
      auto it = full.find(key);
      if (it == full.end() && t + 1 < tokens.size()) {  // two-word surnames
        key += " " + rel::NameKey(tokens[t + 1].View(a.text));
        it = full.find(key);
        end_token = t + 2;
      }
      if (it == full.end() || ambiguous.count(key)) continue;
      const uint32_t begin = tokens[t].begin + skip;
      const uint32_t end = tokens[end_token - 1].end;
      if (rel::EntityAt(*entities, begin) >= 0 || rel::EntityAt(*entities, end - 1) >= 0) break;
      // Part of another name: a given name right before it.
      rel::Word prev = rel::PreviousWord(a, tokens[t].begin);
      if (!prev.empty() && rel::Blank(rel::Between(a, prev.end, tokens[t].begin)) &&
          (lex.IsGiven(rel::Between(a, prev.begin, prev.end)) ||
           lex.IsParticle(rel::Between(a, prev.begin, prev.end))))
        break;
      Candidate c;
      c.begin = begin;
      c.end = end;
      c.type = "PERSON";
      c.norm = it->second;
      c.rule = "mentions.cc surname";
      c.priority = kMentionPriority;
      found.push_back(std::move(c));
      break;
    }
  }
  for (Candidate& c : found) Insert(entities, std::move(c));
}

}  // namespace

void LinkMentions(const Analysis& analysis, std::vector<Candidate>* entities) {
  const PersonLexicon lexicon(analysis.gazetteer, analysis.rules);
  AddNamesAfterRoles(analysis, lexicon, entities);
  LinkSurnames(analysis, lexicon, entities);
}

}  // namespace khabar
