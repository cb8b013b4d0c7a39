#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hearth::customers {

/// The search index of a customer is a set of terms kept in customers.search_terms (space
/// separated) and indexed by FTS5 (SQLite) or GIN (PostgreSQL) as whole tokens:
///   - bigrams of the name's characters after normalisation (lowercase ASCII, no spaces or ASCII
///     punctuation): "欣怡" and "王欣怡" both give the token "欣怡";
///   - every 4-digit and every 8-digit window of each phone number and of the ID number
///     ("5678", "1234"…, "19850312"…);
///   - ranking terms: "e" + the whole name (exact), "p" + its first two characters (prefix),
///     "t" + the last 4 digits of each phone, "i" + the last 4 characters of the ID number.
/// Tokens hold only ASCII letters and digits or non-ASCII characters, so both engines see the
/// same tokens. A query becomes tiers of tokens, best matches first (exact name, name prefix,
/// name contains; phone tail, ID tail, number contains): each tier is one index lookup that
/// reads only as many rows as a page needs. Rows found are checked against the query text
/// itself (bigrams may match in another order).
/// The width of the long number windows; queries of this many digits or more read them.
inline constexpr std::size_t kLongWindow = 8;
/// Which terms IndexTerms gives: raised when they change, so that a database indexed before
/// is indexed again at start-up (CustomerService::RefreshSearchTerms).
inline constexpr int kSearchTermsVersion = 2;

std::string IndexTerms(std::string_view name, const std::vector<std::string>& phones, std::string_view id_number,
                       const std::vector<std::string>& extra = {});

struct SearchQuery {
  enum class Kind {
    kName,    ///< match the query against names
    kNumber,  ///< 4 or more digits (an X may end it): phones and ID numbers
    kEmpty,   ///< nothing searchable (1 character; 2–3 digits): no results
  };
  Kind kind = Kind::kEmpty;
  std::string needle;                            ///< the normalised query, checked against each candidate
  std::vector<std::vector<std::string>> tiers;   ///< token sets, best matches first
};

/// Normalises a query as IndexTerms normalises names and numbers.
SearchQuery ParseQuery(std::string_view q);

/// Lowercase ASCII, drop whitespace and ASCII punctuation; non-ASCII characters are kept.
std::string NormalizeName(std::string_view name);
/// Only the digits (and a final X, lowercased) of a phone or ID number.
std::string DigitsOf(std::string_view text);

}  // namespace hearth::customers
