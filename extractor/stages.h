// Internal: the stages that run after overlap resolution, over the final
// candidates (which become the record's entities in the same order).
#ifndef KHABAR_STAGES_H_
#define KHABAR_STAGES_H_

#include <vector>

#include "candidates.h"
#include "khabar/gazetteer.h"
#include "khabar/record.h"

namespace khabar {

// Removes candidates inside web boilerplate (comment forms, share buttons,
// "related articles" blocks) before resolution.
void DropBoilerplate(const Analysis& analysis, std::vector<Candidate>* candidates);

// Gives later short mentions of a person (a surname alone) the full name as
// norm, and similar linking within the article.
void LinkMentions(const Analysis& analysis, std::vector<Candidate>* entities);

// holds_role relations between PERSON, ROLE and ORG/LOC entities; indexes
// refer to `entities`.
void FindRelations(const Analysis& analysis, const std::vector<Candidate>& entities,
                   std::vector<Relation>* relations);

// Title, outlet, author and publication date from the article's byline when
// the input did not give them.
void ExtractMeta(const Analysis& analysis, const std::vector<Candidate>& entities, Meta* meta);

}  // namespace khabar

#endif  // KHABAR_STAGES_H_
