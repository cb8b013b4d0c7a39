#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.hpp"

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json_writer.hpp"

namespace hearth::customers {

struct CustomerPhone {
  std::string phone;  ///< normalised (core/phone.hpp)
  std::string label;  ///< "mobile", "home", "work", free text up to 20 characters
};

/// One person (客户档案). Personal data: phones, id_number, birth_date, email, address.
struct Customer {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string name;
  std::vector<CustomerPhone> phones;  ///< the first is the primary phone
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::string gender = "unknown";
  std::optional<std::string> birth_date;  ///< YYYY-MM-DD
  std::optional<std::string> marital_status;
  std::vector<int> children_birth_years;
  std::optional<int> elders;  ///< elderly people living in the household
  std::optional<std::string> income_level;
  std::optional<std::string> email;
  std::optional<std::string> address;
  std::optional<std::string> city;
  std::optional<std::string> occupation;
  std::optional<std::string> source_channel;
  std::vector<std::string> tags;
  bool consent_marketing = false;
  std::optional<Timestamp> consent_changed_at;
  std::optional<std::int64_t> merged_into;
  std::optional<Timestamp> anonymized_at;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  /// The name of the company that holds the record, when read (shown also to the staff of a
  /// company it is shared with, who cannot look the unit up themselves).
  std::optional<std::string> org_unit_name = std::nullopt;
};

/// The fields a client sends on create or PATCH; on PATCH only the present ones change.
/// `clear` names optional fields sent as null.
struct CustomerInput {
  std::optional<std::string> name;
  std::optional<std::vector<CustomerPhone>> phones;  ///< from "phone" and/or "phones"
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::optional<std::string> gender;
  std::optional<std::string> birth_date;
  std::optional<std::string> marital_status;
  std::optional<std::vector<int>> children_birth_years;
  std::optional<int> elders;
  std::optional<std::string> income_level;
  std::optional<std::string> email;
  std::optional<std::string> address;
  std::optional<std::string> city;
  std::optional<std::string> occupation;
  std::optional<std::string> source_channel;
  std::optional<std::vector<std::string>> tags;
  std::optional<bool> consent_marketing;
  std::optional<std::int64_t> org_unit_id;
  std::vector<std::string> clear;
};

/// Parses a request body into CustomerInput, collecting every wrong type (400) and every
/// malformed value (422) at once; phones are normalised here.
Result<CustomerInput> ParseCustomerInput(const boost::json::object& body, bool patch);

/// Applies `input` to `customer` and checks the rules that span fields: a phone or an ID number
/// is required; a resident ID is checked (GB 11643) and gives gender and birth date when those
/// are absent; other ID types by their format. `today` is "YYYY-MM-DD"; `now` stamps a change of
/// marketing consent.
Result<void> ApplyInput(Customer& customer, const CustomerInput& input, const std::string& today, Timestamp now);

/// The API view. Without `unmasked`, phones and ID number are masked (138****5678). Written
/// straight as text for the answers (WriteJson); ToJson gives the same as an object.
void WriteJson(JsonWriter& out, const Customer& customer, bool unmasked);
boost::json::object ToJson(const Customer& customer, bool unmasked);

/// The search index terms of a customer (search_terms.hpp); none once merged or anonymised.
std::string SearchTermsOf(const Customer& customer);

/// "YYYY-MM-DD" of a timestamp in China time (UTC+8), for "today" in date checks.
std::string ChinaDate(Timestamp t);

/// A customer with the materialised path of its org unit (for the scope check).
/// What another module's list shows of a customer: the name and the first phone.
struct CustomerCard {
  std::string name;
  std::string phone;  ///< empty when the customer has none
};

/// How to reach a customer, for other modules' messages (surveys): unmasked, never rendered.
struct CustomerContact {
  std::string name;
  std::string phone;  ///< the first phone; empty when none
  std::optional<std::string> email;
  bool consent_marketing = false;
};

struct ScopedCustomer {
  Customer customer;
  std::string org_path;
  bool shared = false;  ///< shared with the viewer's scope (a home, deal or ticket there)
};

/// Why a customer is shared with an org unit beyond the company that holds the record
/// (customer_shares.reason): a home in one of its projects, a deal, a ticket.
enum class ShareReason { kHome, kDeal, kTicket };
inline constexpr Vocabulary<ShareReason, 3> kShareReasons{{"home", "deal", "ticket"}};
constexpr std::string_view WordOf(ShareReason v) { return kShareReasons.Name(v); }

}  // namespace hearth::customers
