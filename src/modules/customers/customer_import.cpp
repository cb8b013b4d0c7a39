#include "modules/customers/customer_import.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/text.hpp"

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

void ImportReport::AddError(int line, std::string field, std::string reason) {
  ++errors_total;
  std::string kind_field = field.substr(0, field.find('['));
  ++kinds[{std::move(kind_field), reason}];
  if (errors.size() < kErrorsAnswered) errors.push_back({line, std::move(field), std::move(reason)});
}

boost::json::object ToJson(const ImportReport& r) {
  boost::json::array errors;
  for (const auto& e : r.errors) {
    errors.push_back(boost::json::object{{"line", e.line}, {"field", e.field}, {"message", e.message}});
  }
  std::vector<std::pair<std::pair<std::string, std::string>, std::int64_t>> kinds(r.kinds.begin(), r.kinds.end());
  std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  boost::json::array kinds_json;
  for (const auto& [kind, count] : kinds) {
    kinds_json.push_back(boost::json::object{{"field", kind.first}, {"reason", kind.second}, {"count", count}});
  }
  boost::json::object out{{"rows", r.rows},
                          {"imported", r.imported},
                          {"duplicates", r.duplicates},
                          {"merged", r.merged},
                          {"rejected", r.rejected},
                          {"errors", std::move(errors)},
                          {"errors_total", r.errors_total},
                          {"error_kinds", std::move(kinds_json)},
                          {"error_report", nullptr}};
  if (r.error_report_id) {
    const std::string path = "/api/v1/imports/customers/error-reports/" + std::to_string(*r.error_report_id);
    out["error_report"] = boost::json::object{{"id", *r.error_report_id}, {"csv", path}, {"xlsx", path + "?format=xlsx"}};
  }
  return out;
}

std::string ReasonWords(std::string_view reason) {
  // The web app's Chinese for the same reasons (web/src/modules/customers/messages.ts, import.reason.*,
  // and the shell's reason.*), so that its table and this report read alike.
  static const std::unordered_map<std::string_view, std::string_view> kWords{
      {"required", "必填，不能为空"},
      {"taken", "与已有客户的手机号或证件号重复"},
      {"duplicate_customer", "与已有客户重复"},
      {"unclosed_quote", "引号未闭合：从此行起的内容可能被读成了一个单元格"},
      {"invalid_checksum", "身份证校验位错误"},
      {"invalid_birth_date", "身份证出生日期无效"},
      {"contradicts_id_number", "与身份证信息不一致"},
      {"too_long", "内容过长"},
      {"too_short", "内容过短"},
      {"control_character", "含有不允许的控制字符"},
      {"invalid", "格式或取值无效"},
      {"invalid_format", "格式无效"},
      {"invalid_value", "取值无效"},
      {"out_of_range", "超出允许范围"},
      {"in_future", "不能晚于今天"},
      {"must_be_string", "应为文本"},
      {"must_be_integer", "应为整数"},
      {"must_be_boolean", "应为是或否"},
      {"must_be_array", "应为列表"},
      {"must_be_phone", "应为电话号码"},
      {"too_many", "数量过多"},
  };
  auto it = kWords.find(reason);
  return std::string(it == kWords.end() ? reason : it->second);
}

std::string FieldWords(std::string_view field) {
  if (field.empty()) return "整行";
  const auto bracket = field.find('[');
  std::string base(field.substr(0, bracket));
  if (base == "phones") base = "phone";
  const std::string label = HeaderOfField(base);
  if (bracket == std::string_view::npos) return label;
  const int index = std::atoi(std::string(field.substr(bracket + 1)).c_str());
  return label + "（第 " + std::to_string(index + 1) + " 项）";
}

namespace {

/// One field of the stored report: always quoted, nothing left out or defused (that is done
/// when the report is downloaded: ErrorReportRows).
void AppendStored(std::string& out, std::string_view raw) {
  // A NUL would end the value where the database takes text up to it (PostgreSQL's parameters).
  const std::string field = WithoutControlCharacters(raw, {.line_breaks = true});
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

void ErrorReportWriter::SetHeader(const std::vector<std::string>& header) {
  csv_.clear();
  for (std::string_view title : {"行号", "字段", "问题", "字段代码", "原因代码"}) {
    if (title != "行号") csv_ += ',';
    AppendStored(csv_, title);
  }
  for (const auto& cell : header) {
    csv_ += ',';
    AppendStored(csv_, cell);
  }
  csv_ += '\n';
}

void ErrorReportWriter::AddProblem(int line, std::string_view field, std::string_view reason,
                                   const std::vector<std::string>& cells) {
  if (csv_.size() >= kMaxBytes) {
    truncated_ = true;
    return;
  }
  AppendStored(csv_, std::to_string(line));
  for (const std::string& text : {FieldWords(field), ReasonWords(reason), std::string(field), std::string(reason)}) {
    csv_ += ',';
    AppendStored(csv_, text);
  }
  for (const auto& cell : cells) {
    csv_ += ',';
    AppendStored(csv_, cell);
  }
  csv_ += '\n';
  ++problems_;
}

void ErrorReportWriter::AddRow(int line, const Error& error, const std::vector<std::string>& cells) {
  // The row's cells once, on its first problem's line: a row with many problems is not copied
  // once per problem.
  static const std::vector<std::string> kNoCells;
  if (error.fields.empty()) AddProblem(line, "", error.slug, cells);
  for (std::size_t i = 0; i < error.fields.size(); ++i) {
    AddProblem(line, error.fields[i].field, error.fields[i].reason, i == 0 ? cells : kNoCells);
  }
}

const std::string& ErrorReportWriter::Finish() {
  if (truncated_ && !finished_) {
    AppendStored(csv_, "");
    csv_ += ',';
    AppendStored(csv_, "");
    csv_ += ',';
    AppendStored(csv_, "报告过长，此后的问题未列出（请先修正以上各行）");
    csv_ += '\n';
  }
  finished_ = true;
  return csv_;
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
