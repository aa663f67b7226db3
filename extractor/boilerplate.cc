#include "stages.h"

namespace khabar {

void DropBoilerplate(const Analysis&, std::vector<Candidate>*) {}

}  // namespace khabar
