#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// A closed vocabulary of API.md (a ticket's status, kind, grade…): an enum whose values are
/// spelled once, here, in the order of the enum. Text becomes the enum at the edge (the body
/// reader, the query string, a database row) and the enum becomes text only when written out.
///
///   enum class TicketGrade { kGeneral, kImportant, kHot, kMajor };
///   inline constexpr Vocabulary<TicketGrade, 4> kTicketGrades{{"general", "important", "hot", "major"}};
///   kTicketGrades.Parse("hot") == TicketGrade::kHot;  kTicketGrades.Name(TicketGrade::kHot) == "hot"
template <typename E, std::size_t N>
class Vocabulary {
 public:
  using Enum = E;
  constexpr explicit Vocabulary(std::array<std::string_view, N> names) : names_(names) {}

  constexpr std::string_view Name(E value) const { return names_[static_cast<std::size_t>(value)]; }
  std::string Text(E value) const { return std::string(Name(value)); }
  /// The value spelled `text`, or nullopt when it is not one of the words.
  constexpr std::optional<E> Parse(std::string_view text) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (names_[i] == text) return static_cast<E>(i);
    }
    return std::nullopt;
  }
  /// A value read back from storage, which only ever holds the words: the first value for any other
  /// text (a row written by hand), so that a read never fails.
  constexpr E Stored(std::string_view text) const { return Parse(text).value_or(static_cast<E>(0)); }
  /// An optional stored word (a NULL column is nullopt, as is a word that is not one).
  std::optional<E> StoredOptional(const std::optional<std::string>& text) const {
    return text ? Parse(*text) : std::nullopt;
  }
  constexpr const std::array<std::string_view, N>& names() const { return names_; }
  constexpr std::size_t size() const { return N; }
  /// Every value, in order.
  constexpr std::array<E, N> values() const {
    std::array<E, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = static_cast<E>(i);
    return out;
  }
  std::vector<std::string> Words() const { return {names_.begin(), names_.end()}; }

 private:
  std::array<std::string_view, N> names_;
};

}  // namespace hearth
