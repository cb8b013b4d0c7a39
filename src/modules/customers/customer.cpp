#include "modules/customers/customer.hpp"

#include <algorithm>
#include <chrono>
#include <regex>

#include <boost/json/parse.hpp>

#include "core/masking.hpp"
#include "core/phone.hpp"
#include "core/text.hpp"
#include "http/body_reader.hpp"
#include "modules/customers/resident_id.hpp"
#include "modules/customers/search_terms.hpp"

namespace hearth::customers {

namespace {

constexpr std::string_view kFields[] = {
    "name",           "phone",   "phones", "id_type", "id_number", "gender",     "birth_date",
    "marital_status", "children_birth_years", "elders", "income_level", "email", "address",
    "city",           "occupation", "source_channel", "tags", "consent_marketing", "org_unit_id"};

bool ValidDate(const std::string& s) { return ParseIsoDate(s) && s >= "1900-01-01"; }

bool ValidEmail(const std::string& s) {
  static const std::regex kEmail(R"(^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$)");
  return s.size() <= 254 && std::regex_match(s, kEmail);
}

// The formats of documents other than the resident ID.
bool ValidDocument(const std::string& type, const std::string& number) {
  static const std::regex kPassport(R"(^[A-Z0-9]{5,17}$)");
  static const std::regex kHkMacau(R"(^[HMC][0-9]{8}([0-9]{2})?$)");
  static const std::regex kTaiwan(R"(^[0-9]{8}([0-9]{2})?$)");
  if (type == "passport") return std::regex_match(number, kPassport);
  if (type == "hk_macau_permit") return std::regex_match(number, kHkMacau);
  if (type == "taiwan_permit") return std::regex_match(number, kTaiwan);
  return !number.empty() && number.size() <= 30;
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

}  // namespace

std::string SearchTermsOf(const Customer& c) {
  if (c.anonymized_at || c.merged_into) return "";
  std::vector<std::string> phones;
  for (const auto& p : c.phones) phones.push_back(p.phone);
  return IndexTerms(c.name, phones, c.id_number.value_or(""));
}

std::string ChinaDate(Timestamp t) {
  return FormatRfc3339(Timestamp{t.ms + 8LL * 3600 * 1000}).substr(0, 10);
}

Result<CustomerInput> ParseCustomerInput(const boost::json::object& body, bool patch) {
  http::BodyReader in(body);
  CustomerInput out;
  auto req = [&](std::string_view key) { return !patch || in.Has(key); };
  out.name = in.String("name", {.required = req("name"), .max_chars = 100});
  // Phones: "phone" (the primary) and/or "phones" ([{"phone", "label"}] or ["…"]).
  std::vector<CustomerPhone> phones;
  bool phones_given = false;
  if (auto phone = in.String("phone", {.max_chars = 32})) {
    phones_given = true;
    if (auto normalized = NormalizePhone(*phone)) {
      phones.push_back({*normalized, "mobile"});
    } else {
      in.Invalid("phone", "invalid_format");
    }
  }
  if (const auto* list = in.Raw("phones")) {
    phones_given = true;
    if (!list->is_array()) {
      in.WrongTypeOf("phones", "must_be_array");
    } else if (list->as_array().size() > 10) {
      in.Invalid("phones", "too_many");
    } else {
      const auto& arr = list->as_array();
      for (std::size_t i = 0; i < arr.size(); ++i) {
        const std::string field = "phones[" + std::to_string(i) + "]";
        std::string text, label = "mobile";
        if (arr[i].is_string()) {
          text = arr[i].as_string();
        } else if (arr[i].is_object() && arr[i].as_object().contains("phone") &&
                   arr[i].as_object().at("phone").is_string()) {
          text = arr[i].as_object().at("phone").as_string();
          if (const auto* l = arr[i].as_object().if_contains("label"); l && l->is_string()) {
            label = l->as_string();
            if (http::Utf8Length(label) > 20) in.Invalid(field + ".label", "too_long");
            if (HasControlCharacter(label)) in.Invalid(field + ".label", "control_character");
          }
        } else {
          in.WrongTypeOf(field, "must_be_phone");
          continue;
        }
        auto normalized = NormalizePhone(text);
        if (!normalized) {
          in.Invalid(field, "invalid_format");
          continue;
        }
        if (std::none_of(phones.begin(), phones.end(), [&](const CustomerPhone& p) { return p.phone == *normalized; })) {
          phones.push_back({*normalized, label});
        }
      }
    }
  }
  if (phones_given) out.phones = std::move(phones);
  out.id_type = in.Enum("id_type", {"resident_id", "passport", "hk_macau_permit", "taiwan_permit", "other"});
  if (auto id = in.String("id_number", {.max_chars = 30})) {
    std::string compact;
    for (char c : *id) {
      if (c != ' ') compact += c;
    }
    out.id_number = Upper(compact);
  }
  out.gender = in.Enum("gender", {"male", "female", "unknown"});
  out.birth_date = in.String("birth_date", {.max_chars = 10});
  if (out.birth_date && !ValidDate(*out.birth_date)) in.Invalid("birth_date", "invalid_format");
  out.marital_status = in.Enum("marital_status", {"single", "married", "divorced", "widowed", "unknown"});
  if (auto years = in.IntArray("children_birth_years", false, 12)) {
    std::vector<int> ys;
    for (std::size_t i = 0; i < years->size(); ++i) {
      const auto y = (*years)[i];
      if (y < 1900 || y > 2100) {
        in.Invalid("children_birth_years[" + std::to_string(i) + "]", "invalid_value");
      } else {
        ys.push_back(static_cast<int>(y));
      }
    }
    out.children_birth_years = ys;
  }
  if (auto elders = in.Int("elders")) {
    if (*elders < 0 || *elders > 10) {
      in.Invalid("elders", "invalid_value");
    } else {
      out.elders = static_cast<int>(*elders);
    }
  }
  out.income_level = in.Enum("income_level", {"low", "middle", "high"});
  out.email = in.String("email", {.max_chars = 254});
  if (out.email && !ValidEmail(*out.email)) in.Invalid("email", "invalid_format");
  out.address = in.String("address", {.max_chars = 200});
  out.city = in.String("city", {.max_chars = 50});
  out.occupation = in.String("occupation", {.max_chars = 50});
  out.source_channel = in.String("source_channel", {.max_chars = 50});
  out.tags = in.StringArray("tags", false, 30, 20);
  out.consent_marketing = in.Bool("consent_marketing");
  out.org_unit_id = in.Int("org_unit_id");
  for (std::string_view key : {"phone", "phones", "id_type", "id_number", "birth_date", "marital_status",
                               "children_birth_years", "elders", "income_level", "email", "address", "city",
                               "occupation", "source_channel", "tags"}) {
    if (in.IsNull(key)) out.clear.emplace_back(key);
  }
  HEARTH_TRY(in.Finish(std::span<const std::string_view>(kFields)));
  return out;
}

Result<void> ApplyInput(Customer& c, const CustomerInput& in, const std::string& today, Timestamp now) {
  auto cleared = [&](std::string_view f) { return std::find(in.clear.begin(), in.clear.end(), f) != in.clear.end(); };
  if (in.name) c.name = *in.name;
  if (in.phones) c.phones = *in.phones;
  if (cleared("phone") || cleared("phones")) {
    if (!in.phones) c.phones.clear();
  }
  if (cleared("id_number")) {
    c.id_number.reset();
    c.id_type.reset();
  }
  if (in.id_number) c.id_number = in.id_number;
  if (in.id_type) c.id_type = in.id_type;
  if (c.id_number && !c.id_type) c.id_type = "resident_id";
  if (in.gender) c.gender = *in.gender;
  if (cleared("birth_date")) c.birth_date.reset();
  if (in.birth_date) c.birth_date = in.birth_date;
  if (cleared("marital_status")) c.marital_status.reset();
  if (in.marital_status) c.marital_status = in.marital_status;
  if (cleared("children_birth_years")) c.children_birth_years.clear();
  if (in.children_birth_years) c.children_birth_years = *in.children_birth_years;
  if (cleared("elders")) c.elders.reset();
  if (in.elders) c.elders = in.elders;
  auto apply = [&](std::optional<std::string>& field, const std::optional<std::string>& value, std::string_view key) {
    if (cleared(key)) field.reset();
    if (value) field = value;
  };
  apply(c.income_level, in.income_level, "income_level");
  apply(c.email, in.email, "email");
  apply(c.address, in.address, "address");
  apply(c.city, in.city, "city");
  apply(c.occupation, in.occupation, "occupation");
  apply(c.source_channel, in.source_channel, "source_channel");
  if (cleared("tags")) c.tags.clear();
  if (in.tags) c.tags = *in.tags;
  if (in.consent_marketing && (*in.consent_marketing != c.consent_marketing || c.id == 0)) {
    c.consent_marketing = *in.consent_marketing;
    c.consent_changed_at = now;  // when consent was given or withdrawn (个人信息保护法)
  }

  if (c.phones.empty() && !c.id_number) {
    return Fail(ErrorCode::kInvalidArgument, "validation_failed", "a phone or an ID number is required",
                {{"phone", "required"}});
  }
  if (c.id_number) {
    if (*c.id_type == "resident_id") {
      HEARTH_ASSIGN(ResidentId id, ResidentId::Parse(*c.id_number, today));
      c.id_number = id.str();
      // Derived when the client gave none; a given value that contradicts the ID is refused.
      if (in.gender && *in.gender != "unknown" && *in.gender != id.Gender()) return FailField("gender", "contradicts_id_number");
      if (in.birth_date && *in.birth_date != id.BirthDate()) return FailField("birth_date", "contradicts_id_number");
      c.gender = id.Gender();
      c.birth_date = id.BirthDate();
    } else if (!ValidDocument(*c.id_type, *c.id_number)) {
      return FailField("id_number", "invalid_format");
    }
  }
  if (c.birth_date && *c.birth_date > today) return FailField("birth_date", "in_future");
  return {};
}

void WriteJson(JsonWriter& w, const Customer& c, bool unmasked) {
  auto phone = [&](const std::string& p) { unmasked ? w.String(p) : w.String(MaskPhone(p)); };
  auto time = [&](const std::optional<Timestamp>& t) { t ? w.String(FormatRfc3339(*t)) : w.Null(); };
  w.BeginObject();
  w.Key("id"); w.Int(c.id);
  w.Key("name"); w.String(c.name);
  w.Key("phone");
  c.phones.empty() ? w.Null() : phone(c.phones[0].phone);
  w.Key("phones"); w.BeginArray();
  for (const auto& p : c.phones) {
    w.BeginObject();
    w.Key("phone"); phone(p.phone);
    w.Key("label"); w.String(p.label);
    w.EndObject();
  }
  w.EndArray();
  w.Key("id_type"); w.String(c.id_type);
  w.Key("id_number");
  c.id_number ? w.String(unmasked ? *c.id_number : MaskIdNumber(*c.id_number)) : w.Null();
  w.Key("gender"); w.String(c.gender);
  w.Key("birth_date"); w.String(c.birth_date);
  w.Key("marital_status"); w.String(c.marital_status);
  w.Key("children_birth_years"); w.BeginArray();
  for (int y : c.children_birth_years) w.Int(y);
  w.EndArray();
  w.Key("elders");
  c.elders ? w.Int(*c.elders) : w.Null();
  w.Key("income_level"); w.String(c.income_level);
  w.Key("email"); w.String(c.email);
  w.Key("address"); w.String(c.address);
  w.Key("city"); w.String(c.city);
  w.Key("occupation"); w.String(c.occupation);
  w.Key("source_channel"); w.String(c.source_channel);
  w.Key("tags"); w.BeginArray();
  for (const auto& t : c.tags) w.String(t);
  w.EndArray();
  w.Key("consent_marketing"); w.Bool(c.consent_marketing);
  w.Key("consent_changed_at"); time(c.consent_changed_at);
  w.Key("org_unit_id"); w.Int(c.org_unit_id);
  w.Key("org_unit_name"); w.String(c.org_unit_name);
  w.Key("merged_into");
  c.merged_into ? w.Int(*c.merged_into) : w.Null();
  w.Key("anonymized"); w.Bool(c.anonymized_at.has_value());
  w.Key("masked"); w.Bool(!unmasked);
  w.Key("version"); w.Int(c.version);
  w.Key("created_at"); w.String(FormatRfc3339(c.created_at));
  w.Key("updated_at"); w.String(FormatRfc3339(c.updated_at));
  w.EndObject();
}

boost::json::object ToJson(const Customer& c, bool unmasked) {
  JsonWriter w;
  WriteJson(w, c, unmasked);
  return boost::json::parse(w.text()).as_object();
}

}  // namespace hearth::customers
