// Import and export of customers (CustomerService, continued).
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "core/bounded_queue.hpp"
#include "core/csv.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/table_file.hpp"
#include "core/xlsx_reader.hpp"
#include "modules/customers/customer_service.hpp"

#include "modules/customers/customer_repo.hpp"

namespace hearth::customers {

namespace {


// The columns of an export, in order: the import template's, between the customer's number and
// the date of the record. Headers and values are written in the template's Chinese words, so that
// an export edited in Excel imports again (the number and the date are not read back).
const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string> kColumns{
      "id",     "name",       "phone",      "id_type",    "id_number", "gender",         "birth_date",
      "marital_status", "children_birth_years", "elders", "income_level", "email", "address", "city",
      "occupation", "source_channel", "tags", "consent_marketing", "created_at"};
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

/// What an export writes in a cell: the value as the import template writes it.
std::string ExportCell(const boost::json::object& json, const std::string& column) {
  return ChineseWordFor(column, Cell(json.at(column)));
}

}  // namespace

namespace {

/// A data row checked and shaped into a customer, off the database thread.
struct PreparedRow {
  int line = 0;
  std::optional<Error> error;  ///< why the row is rejected
  Customer customer;
  CustomerInput input;  ///< what the row said, to fill a known customer's gaps (merge)
  std::string terms;
  std::vector<std::string> cells;  ///< the row as the file had it, when it is rejected (the error report)
};
using PreparedBatch = std::vector<PreparedRow>;

/// Reads the rows of a CSV (UTF-8 or GB18030) or an XLSX file; `on_size` hears how many rows the
/// file holds, as far as can be told up front. Fails with 422 "file" when it is neither.
Result<void> ReadRows(std::string_view bytes, const std::function<bool(const std::vector<std::string>&, int)>& on_row,
                      const std::function<void(std::int64_t)>& on_size, std::optional<int>& unclosed_quote) {
  if (LooksLikeZip(bytes)) {
    if (auto failed = ReadXlsx(bytes, on_row, [&](int last_row) { on_size(last_row - 1); })) {
      return FailField("file", *failed);
    }
    return {};
  }
  // UTF-8 is read where it lies (an upload's mapped file: no copy); GB18030 is converted.
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string converted;
  if (!IsUtf8(text)) {
    auto decoded = DecodeText(bytes);
    if (!decoded) return FailField("file", "not_utf8_or_gb18030");
    converted = std::move(*decoded);
    text = converted;
  }
  on_size(std::max<std::int64_t>(0, std::count(text.begin(), text.end(), '\n') - 1 + (text.ends_with('\n') ? 0 : 1)));
  unclosed_quote = ReadCsv(text, on_row);
  return {};
}

}  // namespace

Result<std::int64_t> CustomerService::ImportTarget(const RequestContext& ctx, const ImportOptions& options) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not import customers");
  auto unit = db_.Read([&](db::Tx& tx) { return orgs_.FindInScope(tx, actor, options.org_unit_id.value_or(actor.org_unit_id)); });
  if (!unit) return FailField("org_unit_id", "not_found");
  return unit->id;
}

Result<ImportReport> CustomerService::Import(const RequestContext& ctx, std::string_view bytes,
                                             const ImportOptions& options, const ImportProgress& progress) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_ASSIGN(const std::int64_t org_unit_id, ImportTarget(ctx, options));
  const Timestamp now = clock_.Now();
  const std::string today = ChinaDate(now);

  // Two stages on two threads: this one reads the file and checks each row, the caller's
  // thread writes the checked rows batch by batch. The queue bounds the memory in between.
  // The reader hands over chunks of a few thousand rows; a transaction writes chunks until it
  // holds batch_rows, so the two threads overlap whatever the batch size.
  const auto batch_rows = static_cast<std::size_t>(std::clamp(options.batch_rows, 100, 200000));
  const std::size_t chunk_rows = std::min<std::size_t>(batch_rows, 5000);
  BoundedQueue<PreparedBatch> queue(8);
  std::atomic<std::int64_t> rows_total{0};
  std::optional<Error> file_error;
  std::optional<int> unclosed_quote;
  std::vector<std::string> header;  // set by the reader before it hands over any row
  std::thread reader([&] {
    try {
      std::vector<std::string> fields;
      PreparedBatch batch;
      batch.reserve(chunk_rows);
      auto on_row = [&](const std::vector<std::string>& cells, int line) {
        if (fields.empty()) {
          header = cells;
          for (const auto& h : cells) fields.push_back(FieldOfHeader(h));
          for (std::size_t i = 0; i < cells.size(); ++i) {
            if (fields[i].empty() && !cells[i].empty()) {
              file_error = Error{ErrorCode::kInvalidArgument, "validation_failed",
                                 "the header names a column that is not a customer field",
                                 {{"file", "unknown_column:" + cells[i]}}, {}};
              return false;
            }
          }
          if (std::find(fields.begin(), fields.end(), "name") == fields.end()) {
            file_error = FailField("file", "no_name_column").value();
            return false;
          }
          return true;
        }
        PreparedRow& row = batch.emplace_back();
        row.line = line;
        auto input = ParseCustomerInput(RowToJson(fields, cells), false);
        if (!input) {
          row.error = std::move(input.error());
          row.cells = cells;
        } else {
          row.customer.tenant_id = actor.tenant_id;
          row.customer.org_unit_id = org_unit_id;
          row.customer.created_at = row.customer.updated_at = now;
          if (auto applied = ApplyInput(row.customer, *input, today, now); !applied) {
            row.error = std::move(applied.error());
            row.cells = cells;
          } else {
            row.terms = SearchTermsOf(row.customer);
            row.input = std::move(*input);
          }
        }
        if (batch.size() < chunk_rows) return true;
        const bool more = queue.Push(std::move(batch));
        batch = {};
        batch.reserve(chunk_rows);
        return more;
      };
      auto read = ReadRows(bytes, on_row, [&](std::int64_t n) { rows_total = n; }, unclosed_quote);
      if (!read && !file_error) file_error = read.error();
      if (!file_error && fields.empty()) file_error = FailField("file", "no_name_column").value();
      if (!batch.empty()) queue.Push(std::move(batch));
    } catch (const std::exception& e) {
      file_error = Error{ErrorCode::kInternal, "internal", e.what(), {}, {}};
    }
    queue.Close();
  });

  ImportReport report;
  ErrorReportWriter error_file;  // every rejected row, stored at the end for download
  std::unordered_set<std::string> seen_keys;  // phones and ID numbers met earlier in this file
  auto reject = [&](const PreparedRow& row) {
    ++report.rejected;
    const Error& e = *row.error;
    if (e.fields.empty()) report.AddError(row.line, "", e.slug);
    for (const auto& f : e.fields) report.AddError(row.line, f.field, f.reason);
    if (error_file.empty()) error_file.SetHeader(header);
    error_file.AddRow(row.line, e, row.cells);
  };
  // On SQLite a batch's new customers get their timeline event with one statement.
  const bool bulk_timeline = db_.backend() == db::Backend::kSqlite;
  static constexpr std::string_view kImportedSummary = "导入客户档案";
  auto write_batch = [&](PreparedBatch& rows, db::Tx& tx) -> Result<void> {  // one chunk
    std::int64_t first_id = 0;
    std::int64_t last_id = -1;
    std::vector<std::string> keys;
    for (PreparedRow& row : rows) {
      if (row.error) {
        reject(row);
        continue;
      }
      Customer& c = row.customer;
      keys.clear();
      for (const auto& p : c.phones) keys.push_back("p" + p.phone);
      if (c.id_number) keys.push_back("i" + *c.id_number);
      const bool in_file = std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return seen_keys.contains(k); });
      const auto existing = in_file ? std::nullopt : repo_->FindDuplicate(tx, c.tenant_id, c.phones, c.id_number, 0);
      if (in_file || existing) {
        ++report.duplicates;
        if (existing && options.merge_duplicates && !options.dry_run) {
          auto found = repo_->Find(tx, actor.tenant_id, existing->first, actor.IsAdmin() ? "/" : actor.org_path);
          if (found && (actor.InScope(found->org_path) || found->shared) && !found->customer.merged_into) {
            Customer merged = found->customer;
            // Fill what the record lacks; what it has stays.
            CustomerInput fill = row.input;
            fill.phones.reset();
            if (merged.id_number) {
              fill.id_number.reset();
              fill.id_type.reset();
              fill.gender.reset();
              fill.birth_date.reset();
            }
            if (ApplyInput(merged, fill, today, now) && !repo_->FindDuplicate(tx, merged.tenant_id, {}, merged.id_number, merged.id)) {
              merged.updated_at = now;
              repo_->Update(tx, merged, SearchTermsOf(merged), std::nullopt);
              ++report.merged;
            }
          }
        }
        continue;
      }
      for (auto& k : keys) seen_keys.insert(std::move(k));
      if (!options.dry_run) {
        c.id = repo_->Insert(tx, c, row.terms, false);
        if (last_id < first_id) first_id = c.id;
        last_id = c.id;
        if (!bulk_timeline) {
          timeline_.Append(tx, c.tenant_id, {0, c.id, now, "profile", "customer", c.id, std::string(kImportedSummary)}, actor.user_id, now);
        }
      }
      ++report.imported;
    }
    repo_->IndexInserted(tx, first_id, last_id);
    if (bulk_timeline) {
      timeline_.AppendToInserted(tx, actor.tenant_id, first_id, last_id, "profile", kImportedSummary, actor.user_id, now);
    }
    return {};
  };

  std::optional<Error> write_error;
  std::optional<PreparedBatch> chunk = queue.Pop();
  while (chunk) {
    if (options.cancel && options.cancel->load()) {
      write_error = Error{ErrorCode::kUnavailable, "cancelled", "the import was stopped", {}, {}};
      break;
    }
    auto batch = [&](db::Tx& tx) -> Result<void> {
      for (std::size_t rows = 0; chunk && rows < batch_rows; chunk = queue.Pop()) {
        rows += chunk->size();
        report.rows += static_cast<std::int64_t>(chunk->size());
        HEARTH_TRY(write_batch(*chunk, tx));
      }
      return {};
    };
    auto written = options.dry_run ? db_.Read(batch) : db_.Transact(batch);
    if (!written) {
      write_error = written.error();
      break;
    }
    if (progress) progress(report.rows, std::max(report.rows, rows_total.load()));
  }
  if (write_error) queue.Cancel();
  reader.join();
  if (write_error) return tl::unexpected(std::move(*write_error));
  if (file_error) return tl::unexpected(std::move(*file_error));
  if (unclosed_quote) {
    report.AddError(*unclosed_quote, "", "unclosed_quote");
    if (error_file.empty()) error_file.SetHeader(header);
    error_file.AddProblem(*unclosed_quote, "", "unclosed_quote");
  }
  if (!error_file.empty()) {
    // Stored (a dry run's too: checking a file is where the report helps most), so that the
    // answer stays small however many rows are rejected. Best effort: the rows are written
    // already, and the answer still counts and lists the problems.
    try {
      auto stored = db_.Transact([&](db::Tx& tx) -> Result<std::int64_t> {
        return repo_->InsertErrorReport(tx, actor.tenant_id, actor.user_id, report.rejected, error_file.Finish(), now);
      });
      if (stored) {
        report.error_report_id = *stored;
      } else {
        log::Warn("the import's error report was not stored").Str("error", stored.error().message);
      }
    } catch (const std::exception& e) {
      log::Warn("the import's error report was not stored").Str("error", e.what());
    }
  }
  if (progress) progress(report.rows, report.rows);
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
      out += HeaderOfField(columns[i]);
    }
    out += "\r\n";
    for (const auto& c : customers) {
      const auto json = ToJson(c, unmasked);
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        AppendCsvField(out, ExportCell(json, columns[i]));
      }
      out += "\r\n";
    }
    return out;
  }
  return XlsxBytes(ctx.request_id, "客户", [&](lxw_workbook* workbook, lxw_worksheet* sheet) {
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), HeaderOfField(columns[i]).c_str(), bold);
    }
    lxw_row_t r = 1;
    for (const auto& c : customers) {
      const auto json = ToJson(c, unmasked);
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& v = json.at(columns[i]);
        if (v.is_int64() && columns[i] != "id_number") {
          worksheet_write_number(sheet, r, static_cast<lxw_col_t>(i), static_cast<double>(v.as_int64()), nullptr);
        } else {
          // Text cells stay text: ID numbers and phones must not become numbers in Excel. A control
          // character stored before they were refused would cut the cell (NUL) or break the XML.
          const std::string text = WithoutControlCharacters(ExportCell(json, columns[i]), {.line_breaks = true});
          worksheet_write_string(sheet, r, static_cast<lxw_col_t>(i), text.c_str(), nullptr);
        }
      }
      ++r;
    }
  });
}

Result<std::string> CustomerService::ErrorReport(const RequestContext& ctx, std::int64_t id, const std::string& format) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not import customers");
  auto found = db_.Read([&](db::Tx& tx) { return repo_->FindErrorReport(tx, actor.tenant_id, id, clock_.Now()); });
  // The rows are the importer's file: theirs (and an administrator's) to read, nobody else's.
  if (!found || (found->first != actor.user_id && !actor.IsAdmin())) return NotFound("no such error report");
  std::vector<std::vector<std::string>> rows;
  ReadCsv(found->second, [&](const std::vector<std::string>& cells, int) {
    rows.push_back(cells);
    return true;
  });
  if (format == "csv") {
    std::string out = "\xEF\xBB\xBF";  // a BOM, so that Excel reads the UTF-8
    for (const auto& cells : rows) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        AppendCsvField(out, cells[i]);
      }
      out += "\r\n";
    }
    return out;
  }
  return XlsxBytes(ctx.request_id, "未导入的行", [&](lxw_workbook* workbook, lxw_worksheet* sheet) {
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t i = 0; i < rows[r].size(); ++i) {
        const std::string text = WithoutControlCharacters(rows[r][i], {.line_breaks = true});
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(i), text.c_str(),
                               r == 0 ? bold : nullptr);
      }
    }
  });
}

}  // namespace hearth::customers
