#include "khabar/value_builder.h"

namespace khabar {

std::optional<Value> BuildOrgValue(const RuleMatch&, const ValueContext&) { return Value{}; }
std::optional<Value> BuildPlaceValue(const RuleMatch&, const ValueContext&) { return Value{}; }

}  // namespace khabar
