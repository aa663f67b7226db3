#include "stages.h"

namespace khabar {

void FindRelations(const Analysis&, const std::vector<Candidate>&, std::vector<Relation>*) {}

}  // namespace khabar
