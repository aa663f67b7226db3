#include "khabar/value_builder.h"

namespace khabar {

std::optional<Value> BuildPersonValue(const RuleMatch&, const ValueContext&) { return Value{}; }
std::optional<Value> BuildRoleValue(const RuleMatch&, const ValueContext&) { return Value{}; }

}  // namespace khabar
