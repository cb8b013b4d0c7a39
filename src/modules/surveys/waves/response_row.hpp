#pragma once
// One response as it is stored: the answers, what the indices read, and each experience item's
// points (one column per item of kItems). Written by the owner's answer and by the demo.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "modules/surveys/builder/questionnaire.hpp"

namespace hearth::surveys {

struct ResponseRow {
  std::int64_t tenant_id = 0;
  std::int64_t survey_id = 0;
  std::int64_t version_id = 0;
  std::int64_t wave_id = 0;
  std::int64_t invitation_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string org_path;
  std::int64_t company_id = 0;
  std::string cohort;
  std::int64_t customer_id = 0;
  std::string answers;  ///< the checked answers, as JSON
  Timestamp at;
};

/// Inserts the response with what `scored` read from its answers; returns its id.
std::int64_t InsertResponse(db::Tx& tx, const ResponseRow& row, const Scored& scored);

}  // namespace hearth::surveys
