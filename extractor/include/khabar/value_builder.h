// Value builders: code that turns a rule match into an entity's value or norm.
// A rule names its builder (`value: date`); the builder reads the rule's named
// captures and may reject the match (a guard the pattern cannot express).
//
// Thread safety: builders are pure functions of their arguments.
#ifndef KHABAR_VALUE_BUILDER_H_
#define KHABAR_VALUE_BUILDER_H_

#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar {

class Gazetteer;
class RuleSet;
struct Rule;

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Days in a Gregorian month (0 for a bad month).
int DaysInMonth(int year, int month);

// Parses YYYY-MM-DD; nullopt when malformed or not a real day.
std::optional<CivilDate> ParseIsoDate(std::string_view s);

// The named captures that took part in a match, name -> normalized text, in
// a fixed buffer: matching allocates nothing (a pattern has fewer than
// kCapacity groups).
class MatchGroups {
 public:
  static constexpr size_t kCapacity = 32;
  using Item = std::pair<std::string_view, std::string_view>;
  void emplace_back(std::string_view name, std::string_view text) {
    if (size_ < kCapacity) new (storage_ + sizeof(Item) * size_++) Item(name, text);
  }
  const Item* begin() const { return std::launder(reinterpret_cast<const Item*>(storage_)); }
  const Item* end() const { return begin() + size_; }

 private:
  // Raw room, written only as groups are added: a match is made for every
  // try of a rule, and clearing 1 KB each time cost more than the rest of it.
  alignas(Item) unsigned char storage_[sizeof(Item) * kCapacity];
  size_t size_ = 0;
};

struct RuleMatch {
  const Rule* rule = nullptr;
  std::string_view text;  // normalized text of the whole match
  // The article's normalized text after the match (builders that read on,
  // such as an organization name after its head noun).
  std::string_view following;
  MatchGroups groups;

  // The capture's text, or empty when it did not take part.
  std::string_view Group(std::string_view name) const {
    for (const auto& g : groups)
      if (g.first == name) return g.second;
    return {};
  }
  bool Has(std::string_view name) const {
    for (const auto& g : groups)
      if (g.first == name) return true;
    return false;
  }
};

struct ValueContext {
  const RuleSet* rules = nullptr;    // for class lookups (ClassValue)
  const Gazetteer* gazetteer = nullptr;  // for word lookups (HasWord)
  std::optional<CivilDate> anchor;  // the article's date, for relative dates
};

struct Value {
  // When >= 0, the entity ends this many bytes after the start of the whole
  // match (a builder that trims a name at a stop word).
  int end_in_match = -1;
  std::string value;
  std::string norm;
  std::string calendar;
  std::string hijri_value;
  bool relative = false;
};

// Returns nullopt to reject the match.
using ValueBuilder = std::optional<Value> (*)(const RuleMatch&, const ValueContext&);

// The builder registered under `name`, or nullptr.
ValueBuilder FindValueBuilder(std::string_view name);

// Builders defined elsewhere in the library.
std::optional<Value> BuildDateValue(const RuleMatch& match, const ValueContext& context);
// ORG names: ends the name at the right place, sets norm.
std::optional<Value> BuildOrgValue(const RuleMatch& match, const ValueContext& context);
// LOC names found by patterns (جماعة X, دوار X ...): ends the name, sets norm.
std::optional<Value> BuildPlaceValue(const RuleMatch& match, const ValueContext& context);
// PERSON names: checks and ends the name, sets norm.
std::optional<Value> BuildPersonValue(const RuleMatch& match, const ValueContext& context);
// ROLE titles: canonical masculine form as norm and value.
std::optional<Value> BuildRoleValue(const RuleMatch& match, const ValueContext& context);

}  // namespace khabar

#endif  // KHABAR_VALUE_BUILDER_H_
