#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/error.hpp"

namespace hearth::customers {

struct ImportOptions {
  bool dry_run = false;           ///< check every row, write nothing
  bool merge_duplicates = false;  ///< fill a known customer's empty fields instead of skipping the row
  std::optional<std::int64_t> org_unit_id;  ///< owning company; default the caller's unit
  /// Rows written per transaction. The server keeps batches small so that other writers never
  /// wait long for SQLite's write lock (10,000 rows: a quarter of a second). The command line
  /// loads in bulk (100,000 rows, with a large page cache): each batch then writes an index page
  /// once for many rows, which at a million customers is the difference (measured 29k → 48k
  /// rows/s for raw SQLite, bench/raw_import.cpp).
  int batch_rows = 10000;
  const std::atomic<bool>* cancel = nullptr;  ///< when set and true, the import stops before its next batch
};

struct ImportError {
  int line = 0;  ///< the line of the file where the row starts (the header is line 1)
  std::string field;
  std::string message;  ///< the reason slug ("invalid_checksum", "required"…)
};

/// The answer of an import (API.md). Bounded whatever the file: the first kErrorsAnswered
/// problems, the count of every kind of problem, and the stored report of every rejected row
/// with the row as the file had it (GET /api/v1/imports/customers/error-reports/{id}).
struct ImportReport {
  static constexpr std::size_t kErrorsAnswered = 1000;
  std::int64_t rows = 0;
  std::int64_t imported = 0;
  std::int64_t duplicates = 0;
  std::int64_t merged = 0;
  std::int64_t rejected = 0;
  std::vector<ImportError> errors;   ///< the first kErrorsAnswered problems, in the file's order
  std::int64_t errors_total = 0;     ///< every problem found
  std::map<std::pair<std::string, std::string>, std::int64_t> kinds;  ///< (field, reason) → problems
  std::optional<std::int64_t> error_report_id;

  /// Counts a problem; keeps it when fewer than kErrorsAnswered are kept. A field of a list
  /// ("phones[2]") counts as the list's ("phones").
  void AddError(int line, std::string field, std::string reason);
};

/// The error report of an import, as CSV: a line per problem (as the web app's table shows them):
/// the line, the field and the reason in Chinese words and as codes, and on a row's first problem
/// its cells under the file's own header, so that the rows can be mended and imported again. At
/// most kMaxBytes: a file of huge bad rows cannot make it grow without bound.
class ErrorReportWriter {
 public:
  /// The file's header row (before any problem is added).
  void SetHeader(const std::vector<std::string>& header);
  /// Every problem of a rejected row.
  void AddRow(int line, const Error& error, const std::vector<std::string>& cells);
  /// One problem; `cells` empty for one without a row (a quote left open at the end of the file).
  void AddProblem(int line, std::string_view field, std::string_view reason, const std::vector<std::string>& cells = {});
  bool empty() const { return problems_ == 0; }
  std::int64_t problems() const { return problems_; }
  /// The report, with a last line saying it was cut when it reached kMaxBytes.
  const std::string& Finish();

  /// The largest report kept (problems beyond are counted in the answer, not listed here).
  static constexpr std::size_t kMaxBytes = 64u << 20;

 private:
  std::string csv_;
  std::int64_t problems_ = 0;
  bool truncated_ = false;
  bool finished_ = false;
};

/// The Chinese words of a problem's reason ("invalid_checksum" → "身份证校验位错误"), or the reason.
std::string ReasonWords(std::string_view reason);
/// The Chinese words of a problem's field: its column's header ("手机号"), "子女出生年份（第 2 项）"
/// for an item of a list, "整行" for the whole row.
std::string FieldWords(std::string_view field);

/// Called after each batch with rows done and rows in the file (an estimate until the end:
/// a CSV's line count, an XLSX sheet's declared size).
using ImportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

boost::json::object ToJson(const ImportReport& report);

/// The API field a header cell names: the field itself ("phone") or its Chinese label ("手机",
/// "证件号码"…); "" when unknown.
std::string FieldOfHeader(std::string_view header);

/// The header and the word of an export cell, as the import template writes them (so that an
/// export edited in Excel imports again): the field's Chinese header ("手机号"), and an
/// enumerated value in its Chinese word ("male" → "男", true → "是"); other values unchanged.
std::string HeaderOfField(std::string_view field);
std::string ChineseWordFor(std::string_view field, std::string_view value);

/// One CSV/XLSX row as the JSON object POST /customers takes: empty cells are left out;
/// children_birth_years and tags split at ';'; the Chinese words for gender (男/女), ID type
/// (身份证, 护照, 港澳通行证…), marital status (已婚…), income level (中等…) and consent (是/否) understood;
/// numbers and booleans typed. Cells that cannot be typed stay strings (the checks name them).
boost::json::object RowToJson(const std::vector<std::string>& fields, const std::vector<std::string>& cells);

}  // namespace hearth::customers
