// Import and export of customers (CustomerService, continued).
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/csv.hpp"
#include "modules/customers/customer_service.hpp"

namespace hearth::customers {

namespace {

constexpr std::int64_t kBatch = 2000;

struct Row {
  int line;
  std::vector<std::string> cells;
};

// The columns of an export, in order; the header is the API field name.
const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string> kColumns{
      "id",     "name",       "phone",      "id_type",    "id_number", "gender",         "birth_date",
      "marital_status", "children_birth_years", "elders", "income_level", "email", "address", "city",
      "occupation", "source_channel", "tags", "consent_marketing", "org_unit_id", "created_at"};
  return kColumns;
}

std::string Cell(const boost::json::value& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v.as_array()) {
      if (!out.empty()) out += ';';
      out += Cell(item);
    }
    return out;
  }
  return "";
}

}  // namespace

Result<ImportReport> CustomerService::Import(const RequestContext& ctx, std::string_view bytes,
                                             const ImportOptions& options, const ImportProgress& progress) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not import customers");
  auto text = DecodeText(bytes);
  if (!text) return FailField("file", "not_utf8_or_gb18030");
  std::vector<std::string> fields;
  std::vector<Row> rows;
  std::optional<ImportError> header_error;
  auto open = ReadCsv(*text, [&](const std::vector<std::string>& cells, int line) {
    if (fields.empty()) {
      for (const auto& h : cells) fields.push_back(FieldOfHeader(h));
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (fields[i].empty() && !cells[i].empty()) {
          header_error = ImportError{line, cells[i], "unknown_column"};
          return false;
        }
      }
      return true;
    }
    rows.push_back({line, cells});
    return true;
  });
  if (header_error) {
    Error e{ErrorCode::kInvalidArgument, "validation_failed", "the header names a column that is not a customer field",
            {{"file", "unknown_column:" + header_error->field}}, {}};
    return tl::unexpected(std::move(e));
  }
  if (fields.empty() || std::find(fields.begin(), fields.end(), "name") == fields.end()) {
    return FailField("file", "no_name_column");
  }
  ImportReport report;
  report.rows = static_cast<std::int64_t>(rows.size());
  if (open) report.errors.push_back({*open, "", "unclosed_quote"});

  const Timestamp now = clock_.Now();
  const std::string today = ChinaDate(now);
  std::set<std::string> seen_keys;  // phones and ID numbers met earlier in this file
  std::int64_t org_unit_id = 0;
  {
    auto unit = db_.Read([&](db::Tx& tx) { return orgs_.FindInScope(tx, actor, options.org_unit_id.value_or(actor.org_unit_id)); });
    if (!unit) return FailField("org_unit_id", "not_found");
    org_unit_id = unit->id;
  }
  auto reject = [&](int line, const Error& e) {
    ++report.rejected;
    if (e.fields.empty()) {
      report.errors.push_back({line, "", e.slug});
    }
    for (const auto& f : e.fields) report.errors.push_back({line, f.field, f.reason});
  };

  for (std::size_t start = 0; start < rows.size(); start += kBatch) {
    const std::size_t end = std::min(rows.size(), start + static_cast<std::size_t>(kBatch));
    auto batch = [&](db::Tx& tx) -> Result<void> {
      for (std::size_t i = start; i < end; ++i) {
        const Row& row = rows[i];
        auto input = ParseCustomerInput(RowToJson(fields, row.cells), false);
        if (!input) {
          reject(row.line, input.error());
          continue;
        }
        Customer c;
        c.tenant_id = actor.tenant_id;
        c.org_unit_id = org_unit_id;
        c.created_at = c.updated_at = now;
        if (auto applied = ApplyInput(c, *input, today, now); !applied) {
          reject(row.line, applied.error());
          continue;
        }
        std::vector<std::string> keys;
        for (const auto& p : c.phones) keys.push_back("p" + p.phone);
        if (c.id_number) keys.push_back("i" + *c.id_number);
        const bool in_file = std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return seen_keys.contains(k); });
        const auto existing = in_file ? std::nullopt : repo_.FindDuplicate(tx, c.tenant_id, c.phones, c.id_number, 0);
        if (in_file || existing) {
          ++report.duplicates;
          if (existing && options.merge_duplicates && !options.dry_run) {
            auto found = repo_.Find(tx, actor.tenant_id, existing->first);
            if (found && actor.InScope(found->org_path) && !found->customer.merged_into) {
              Customer merged = found->customer;
              // Fill what the record lacks; what it has stays.
              CustomerInput fill = *input;
              fill.phones.reset();
              if (merged.id_number) {
                fill.id_number.reset();
                fill.id_type.reset();
                fill.gender.reset();
                fill.birth_date.reset();
              }
              if (ApplyInput(merged, fill, today, now) && !repo_.FindDuplicate(tx, merged.tenant_id, {}, merged.id_number, merged.id)) {
                merged.updated_at = now;
                repo_.Update(tx, merged, SearchTermsOf(merged), std::nullopt);
                ++report.merged;
              }
            }
          }
          continue;
        }
        for (auto& k : keys) seen_keys.insert(std::move(k));
        if (!options.dry_run) {
          c.id = repo_.Insert(tx, c, SearchTermsOf(c));
          timeline_.Append(tx, c.tenant_id, {0, c.id, now, "profile", "customer", c.id, "导入客户档案"}, actor.user_id, now);
        }
        ++report.imported;
      }
      return {};
    };
    HEARTH_TRY(options.dry_run ? db_.Read(batch) : db_.Transact(batch));
    if (progress) progress(static_cast<std::int64_t>(end), report.rows);
  }
  if (!options.dry_run) {
    db_.Transact([&](db::Tx& tx) -> Result<void> {
      audit_.Record(tx, ctx, "customer.imported", "customer", std::nullopt, nullptr,
                    boost::json::object{{"rows", report.rows}, {"imported", report.imported},
                                        {"duplicates", report.duplicates}, {"merged", report.merged},
                                        {"rejected", report.rejected}});
      return {};
    });
  }
  return report;
}

Result<std::string> CustomerService::Export(const RequestContext& ctx, const std::optional<std::string>& q,
                                            const std::string& format, int max_rows) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  std::vector<Customer> customers;
  if (q && !q->empty()) {
    HEARTH_ASSIGN(SearchResult found, Search(ctx, *q, std::min(max_rows, 500)));
    customers = std::move(found.items);
  } else {
    Page page;
    page.limit = 500;
    while (static_cast<int>(customers.size()) < max_rows) {  // newest first, page by page
      HEARTH_ASSIGN(auto list, List(ctx, page));
      for (auto& c : list.items) customers.push_back(std::move(c));
      if (!list.next_cursor) break;
      page.after_id = customers.back().id;
    }
    if (static_cast<int>(customers.size()) > max_rows) customers.resize(static_cast<std::size_t>(max_rows));
  }
  const bool unmasked = SeesPersonalData(ctx);
  std::vector<std::int64_t> ids;
  for (const auto& c : customers) ids.push_back(c.id);
  db_.Transact([&](db::Tx& tx) -> Result<void> {
    audit_.Record(tx, ctx, "customer.exported", "customer", std::nullopt, nullptr,
                  boost::json::object{{"format", format}, {"rows", customers.size()}, {"masked", !unmasked},
                                      {"q", q.value_or("")}});
    return {};
  });
  if (unmasked) audit_.RecordUnmaskedRead(ctx, "customer", ids, {"phones", "id_number"});

  const auto& columns = ExportColumns();
  if (format == "csv") {
    std::string out = "\xEF\xBB\xBF";  // a BOM, so that Excel reads UTF-8
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) out += ',';
      out += columns[i];
    }
    out += "\r\n";
    for (const auto& c : customers) {
      const auto json = ToJson(c, unmasked);
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        AppendCsvField(out, Cell(json.at(columns[i])));
      }
      out += "\r\n";
    }
    return out;
  }
  // XLSX through libxlsxwriter, which writes a file: a private temporary one.
  const std::string path =
      (std::filesystem::temp_directory_path() / ("hearth-export-" + std::to_string(getpid()) + "-" + ctx.request_id + ".xlsx"))
          .string();
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) throw std::runtime_error("cannot create the export workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "客户");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), columns[i].c_str(), bold);
  }
  lxw_row_t r = 1;
  for (const auto& c : customers) {
    const auto json = ToJson(c, unmasked);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto& v = json.at(columns[i]);
      if (v.is_int64() && columns[i] != "id_number") {
        worksheet_write_number(sheet, r, static_cast<lxw_col_t>(i), static_cast<double>(v.as_int64()), nullptr);
      } else {
        // Text cells stay text: ID numbers and phones must not become numbers in Excel.
        worksheet_write_string(sheet, r, static_cast<lxw_col_t>(i), Cell(v).c_str(), nullptr);
      }
    }
    ++r;
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    throw std::runtime_error("cannot write the export workbook");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::filesystem::remove(path);
  return buffer.str();
}

}  // namespace hearth::customers
