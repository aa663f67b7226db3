#include "stages.h"

namespace khabar {

void ExtractMeta(const Analysis&, const std::vector<Candidate>&, Meta*) {}

}  // namespace khabar
