#include "modules/delivery/titles/title.hpp"

namespace hearth::delivery {

bool NextTitleStage(TitleStage current, TitleStage next) {
  return static_cast<int>(next) == static_cast<int>(current) + 1;
}

bool TitleOverdue(TitleStage stage, std::optional<std::int64_t> delivered_on, std::int64_t today) {
  if (!delivered_on || stage == TitleStage::kIssued || stage == TitleStage::kHandedOver) return false;
  return today - *delivered_on > kTitlePromiseDays;
}

}  // namespace hearth::delivery
