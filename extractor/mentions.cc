#include "stages.h"

namespace khabar {

void LinkMentions(const Analysis&, std::vector<Candidate>*) {}

}  // namespace khabar
