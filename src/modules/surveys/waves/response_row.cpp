#include "modules/surveys/waves/response_row.hpp"

#include <fmt/format.h>

namespace hearth::surveys {

namespace {

const std::string kInsert = [] {
  std::string columns, params;
  int n = 18;
  for (auto item : kItems) {
    columns += fmt::format(", item_{}", item);
    params += fmt::format(", ${}", ++n);
  }
  return fmt::format(R"sql(
INSERT INTO survey_responses (tenant_id, survey_id, version_id, wave_id, invitation_id, project_id, org_unit_id, org_path, company_id,
                              cohort, customer_id, answers, overall, satisfied, rebuy, recommend, nps, created_at{})
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18{}) RETURNING id)sql",
                     columns, params);
}();

db::Value Flag(const std::optional<bool>& b) { return b ? db::Value(static_cast<std::int64_t>(*b ? 1 : 0)) : db::Value(std::monostate{}); }

}  // namespace

std::int64_t InsertResponse(db::Tx& tx, const ResponseRow& r, const Scored& s) {
  // One at a time: GCC 12 misreads a braced list of variants holding strings (maybe-uninitialized).
  std::vector<db::Value> values;
  values.reserve(18 + kItems.size());
  for (std::int64_t v : {r.tenant_id, r.survey_id, r.version_id, r.wave_id, r.invitation_id, r.project_id, r.org_unit_id}) values.emplace_back(v);
  values.emplace_back(r.org_path);
  values.emplace_back(r.company_id);
  values.emplace_back(r.cohort);
  values.emplace_back(r.customer_id);
  values.emplace_back(r.answers);
  values.push_back(s.overall ? db::Value(*s.overall) : db::Value(std::monostate{}));
  values.push_back(Flag(s.satisfied));
  values.push_back(Flag(s.rebuy));
  values.push_back(Flag(s.recommend));
  values.push_back(s.nps ? db::Value(static_cast<std::int64_t>(*s.nps)) : db::Value(std::monostate{}));
  values.emplace_back(r.at.ms);
  for (auto item : kItems) {
    const auto it = s.items.find(std::string(item));
    values.push_back(it == s.items.end() ? db::Value(std::monostate{}) : db::Value(it->second.first));
  }
  return tx.ExecuteValues(kInsert, values).front().Int(0);
}

}  // namespace hearth::surveys
