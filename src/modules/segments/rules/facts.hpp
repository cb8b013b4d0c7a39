#pragma once
// The facts segment rules read: a customer's own fields, what is derived from them (age, the
// family's life stage), and what other modules hold about them (homes, purchase motive, survey
// answers). Pure: the service reads the records and hands them here (facts_test.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/segments/rules/rule.hpp"

namespace hearth::segments {

/// What a customer record says (the customers module's fields the rules read).
struct PersonRecord {
  std::int64_t id = 0;
  std::optional<std::string> birth_date;  ///< YYYY-MM-DD, else the ID number's
  std::optional<std::string> id_number;   ///< a resident ID carries the birth date
  std::string gender = "unknown";
  std::optional<std::string> marital_status;
  std::vector<int> children_birth_years;
  std::optional<int> elders;
  std::optional<std::string> income_level;
  std::string city;
  std::string occupation;
  std::string source_channel;
  std::vector<std::string> tags;
  bool consent_marketing = false;
};

/// A home the customer owns or has bought (inventory and sales).
struct HomeRecord {
  std::int64_t project_id = 0;
  double area_m2 = 0;
  std::int64_t price_cents = 0;           ///< the contract's total, else the list price
  std::optional<std::string> delivered_on;  ///< YYYY-MM-DD
};

/// What other modules know of the customer's intent and opinion.
struct Opinions {
  std::optional<std::string> purchase_motive;  ///< the latest lead's need type (first_home…)
  std::optional<bool> satisfied;               ///< the latest survey answer's overall satisfaction
  std::optional<bool> would_rebuy;
  std::optional<bool> would_recommend;
  std::optional<int> nps;                      ///< 0–10
  int referrals = 0;                           ///< referees who signed
};

/// The life stages (家庭生命周期) derived from age, marriage, children and elders.
inline const std::vector<std::string> kLifeStages{"single",        "couple",     "young_family", "school_family",
                                                  "three_generations", "empty_nest", "senior"};
/// Their Chinese names, in the same order.
inline const std::vector<std::string> kLifeStageNames{"单身", "二人世界", "幼子家庭", "学龄子女家庭", "三代同堂", "空巢", "老年"};

/// The catalog of every fact, in FactRow order (see kFact* below).
const FactCatalog& Facts();

enum FactIndex : std::size_t {
  kAge, kGender, kMaritalStatus, kChildren, kYoungestChildAge, kOldestChildAge, kElders, kHouseholdSize, kLifeStage,
  kIncomeLevel, kCity, kOccupation, kSourceChannel, kTags, kConsentMarketing, kUnitsOwned, kOwner, kHomeValue,
  kHomeArea, kTenureYears, kPurchaseMotive, kRepurchased, kSatisfied, kWouldRebuy, kWouldRecommend, kNps, kReferrals,
  kFactCount
};

/// Age in whole years on `today` (YYYY-MM-DD) from a birth date, or nullopt.
std::optional<int> AgeOn(const std::string& birth_date, const std::string& today);
/// The birth date a resident ID number carries (18 characters), or nullopt.
std::optional<std::string> BirthDateOfId(const std::string& id_number);
/// The life stage of a household, or nullopt when too little is known.
std::optional<std::string> LifeStageOf(std::optional<int> age, const std::optional<std::string>& marital_status,
                                       const std::vector<int>& children_ages, std::optional<int> elders);

/// Every fact of one customer on `today`.
FactRow FactsOf(const PersonRecord& person, const std::vector<HomeRecord>& homes, const Opinions& opinions,
                const std::string& today);

}  // namespace hearth::segments
