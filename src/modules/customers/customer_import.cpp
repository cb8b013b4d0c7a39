#include "modules/customers/customer_import.hpp"

#include <charconv>
#include <unordered_map>

namespace hearth::customers {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find_first_of(";；", start);
    if (end == std::string_view::npos) end = text.size();
    auto item = Trim(text.substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
    if (end == text.size()) break;
    // '；' (full-width) is 3 bytes in UTF-8.
    start = end + (static_cast<unsigned char>(text[end]) == ';' ? 1 : 3);
  }
  return out;
}

using Words = std::unordered_map<std::string_view, std::string_view>;

/// The words a Chinese spreadsheet uses for an enumerated field, mapped to the API's values
/// (the API's own values pass through unchanged); nullptr for fields that are not enumerations.
const Words* ChineseWordsOf(std::string_view field) {
  static const Words kGender{{"男", "male"}, {"女", "female"}, {"未知", "unknown"}};
  static const Words kIdType{{"身份证", "resident_id"},        {"居民身份证", "resident_id"},
                             {"护照", "passport"},             {"港澳通行证", "hk_macau_permit"},
                             {"港澳居民来往内地通行证", "hk_macau_permit"}, {"回乡证", "hk_macau_permit"},
                             {"台胞证", "taiwan_permit"},      {"台湾居民来往大陆通行证", "taiwan_permit"},
                             {"其他", "other"}};
  static const Words kMarital{{"未婚", "single"},   {"单身", "single"},   {"已婚", "married"}, {"离异", "divorced"},
                              {"离婚", "divorced"}, {"丧偶", "widowed"}, {"未知", "unknown"}};
  static const Words kIncome{{"低", "low"},       {"低收入", "low"},   {"中", "middle"}, {"中等", "middle"},
                             {"中等收入", "middle"}, {"高", "high"}, {"高收入", "high"}};
  if (field == "gender") return &kGender;
  if (field == "id_type") return &kIdType;
  if (field == "marital_status") return &kMarital;
  if (field == "income_level") return &kIncome;
  return nullptr;
}

/// The import template's header of each field (web/src/modules/customers/importLabels.ts writes
/// the same), and the one word an export writes for each enumerated value.
const std::unordered_map<std::string_view, std::string_view> kHeaders{
    {"id", "客户编号"},         {"name", "姓名"},           {"phone", "手机号"},      {"id_type", "证件类型"},
    {"id_number", "证件号码"},  {"gender", "性别"},         {"birth_date", "出生日期"}, {"marital_status", "婚姻状况"},
    {"children_birth_years", "子女出生年份"}, {"elders", "同住老人"}, {"income_level", "收入水平"},
    {"email", "邮箱"},          {"address", "地址"},        {"city", "城市"},         {"occupation", "职业"},
    {"source_channel", "来源渠道"}, {"tags", "标签"},       {"consent_marketing", "营销同意"}, {"created_at", "建档时间"}};
const std::unordered_map<std::string_view, std::string_view> kWordOfValue{
    {"gender/male", "男"},          {"gender/female", "女"},           {"gender/unknown", "未知"},
    {"id_type/resident_id", "身份证"}, {"id_type/passport", "护照"},   {"id_type/hk_macau_permit", "港澳通行证"},
    {"id_type/taiwan_permit", "台胞证"}, {"id_type/other", "其他"},    {"marital_status/single", "未婚"},
    {"marital_status/married", "已婚"}, {"marital_status/divorced", "离异"}, {"marital_status/widowed", "丧偶"},
    {"marital_status/unknown", "未知"}, {"income_level/low", "低"},     {"income_level/middle", "中等"},
    {"income_level/high", "高"},     {"consent_marketing/true", "是"}, {"consent_marketing/false", "否"}};

}  // namespace

std::string HeaderOfField(std::string_view field) {
  auto it = kHeaders.find(field);
  return std::string(it == kHeaders.end() ? field : it->second);
}

std::string ChineseWordFor(std::string_view field, std::string_view value) {
  auto it = kWordOfValue.find(std::string(field) + "/" + std::string(value));
  return std::string(it == kWordOfValue.end() ? value : it->second);
}

boost::json::object ToJson(const ImportReport& r) {
  boost::json::array errors;
  for (const auto& e : r.errors) {
    errors.push_back(boost::json::object{{"line", e.line}, {"field", e.field}, {"message", e.message}});
  }
  return {{"rows", r.rows},         {"imported", r.imported}, {"duplicates", r.duplicates},
          {"merged", r.merged},     {"rejected", r.rejected}, {"errors", std::move(errors)}};
}

std::string FieldOfHeader(std::string_view header) {
  static const std::unordered_map<std::string_view, std::string_view> kFields{
      {"name", "name"},           {"姓名", "name"},           {"客户姓名", "name"},
      {"phone", "phone"},         {"手机", "phone"},          {"手机号", "phone"},
      {"电话", "phone"},          {"联系电话", "phone"},      {"id_type", "id_type"},
      {"证件类型", "id_type"},    {"id_number", "id_number"}, {"证件号", "id_number"},
      {"证件号码", "id_number"},  {"身份证号", "id_number"},  {"gender", "gender"},
      {"性别", "gender"},         {"birth_date", "birth_date"}, {"出生日期", "birth_date"},
      {"marital_status", "marital_status"}, {"婚姻状况", "marital_status"},
      {"children_birth_years", "children_birth_years"}, {"子女出生年份", "children_birth_years"},
      {"elders", "elders"},       {"同住老人", "elders"},     {"income_level", "income_level"},
      {"收入水平", "income_level"}, {"email", "email"},       {"邮箱", "email"},
      {"address", "address"},     {"地址", "address"},        {"city", "city"},
      {"城市", "city"},           {"occupation", "occupation"}, {"职业", "occupation"},
      {"source_channel", "source_channel"}, {"来源渠道", "source_channel"}, {"tags", "tags"},
      {"标签", "tags"},           {"consent_marketing", "consent_marketing"}, {"营销同意", "consent_marketing"},
      // An export's own columns: known, read past (the record's number and date are not imported).
      {"id", "id"},               {"客户编号", "id"},         {"created_at", "created_at"}, {"建档时间", "created_at"}};
  auto it = kFields.find(Trim(header));
  return it == kFields.end() ? std::string() : std::string(it->second);
}

boost::json::object RowToJson(const std::vector<std::string>& fields, const std::vector<std::string>& cells) {
  boost::json::object o;
  for (std::size_t i = 0; i < fields.size() && i < cells.size(); ++i) {
    const std::string& f = fields[i];
    const std::string_view v = Trim(cells[i]);
    if (f.empty() || v.empty() || f == "id" || f == "created_at") continue;
    if (f == "children_birth_years") {
      boost::json::array years;
      for (const auto& item : SplitList(v)) {
        std::int64_t y = 0;
        auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), y);
        if (ec == std::errc() && p == item.data() + item.size()) {
          years.emplace_back(y);
        } else {
          years.emplace_back(item);  // the checks will name it
        }
      }
      o[f] = std::move(years);
    } else if (f == "tags") {
      boost::json::array tags;
      for (const auto& item : SplitList(v)) tags.emplace_back(item);
      o[f] = std::move(tags);
    } else if (f == "elders") {
      std::int64_t n = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      o[f] = (ec == std::errc() && p == v.data() + v.size()) ? boost::json::value(n) : boost::json::value(v);
    } else if (f == "consent_marketing") {
      if (v == "true" || v == "1" || v == "是" || v == "同意") {
        o[f] = true;
      } else if (v == "false" || v == "0" || v == "否" || v == "不同意") {
        o[f] = false;
      } else {
        o[f] = v;
      }
    } else if (const auto* words = ChineseWordsOf(f)) {
      auto it = words->find(v);
      o[f] = it == words->end() ? std::string(v) : std::string(it->second);
    } else {
      o[f] = v;
    }
  }
  return o;
}

}  // namespace hearth::customers
