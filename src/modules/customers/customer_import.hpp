#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

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

/// The answer of an import (API.md): every rejected row is in `errors`.
struct ImportReport {
  std::int64_t rows = 0;
  std::int64_t imported = 0;
  std::int64_t duplicates = 0;
  std::int64_t merged = 0;
  std::int64_t rejected = 0;
  std::vector<ImportError> errors;
};

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
