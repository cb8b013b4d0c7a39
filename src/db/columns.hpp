#pragma once
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "db/database.hpp"

namespace hearth::db {

/// The value of cell `i` as the member type `M` (int, text, time, their optional forms).
template <typename M>
M Cell(const Row& r, std::size_t i) {
  if constexpr (std::is_same_v<M, std::int64_t>) {
    return r.Int(i);
  } else if constexpr (std::is_same_v<M, int>) {
    return static_cast<int>(r.Int(i));
  } else if constexpr (std::is_same_v<M, double>) {
    return r.Real(i);
  } else if constexpr (std::is_same_v<M, bool>) {
    return r.Bool(i);
  } else if constexpr (std::is_same_v<M, std::string>) {
    return r.Text(i);
  } else if constexpr (std::is_same_v<M, Timestamp>) {
    return r.Time(i);
  } else if constexpr (std::is_same_v<M, std::optional<std::int64_t>>) {
    return r.OptInt(i);
  } else if constexpr (std::is_same_v<M, std::optional<int>>) {
    const auto v = r.OptInt(i);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
  } else if constexpr (std::is_same_v<M, std::optional<std::string>>) {
    return r.OptText(i);
  } else if constexpr (std::is_same_v<M, std::optional<Timestamp>>) {
    return r.OptTime(i);
  } else {
    static_assert(!sizeof(M), "no cell reader for this member type: give the column a reader");
  }
}

/// How a record is read from a row, declared once: its columns in SELECT order, each with the
/// member it fills. The same declaration writes the SELECT's column list and reads each row, so a
/// repo writes neither a column list nor a `t.x = r.Int(7)` line per column.
///
///   const db::Columns<Ticket> kTicketColumns{{"id", &Ticket::id},
///                                            {"kind", &Ticket::kind, kTicketKinds},  // a vocabulary's word
///                                            {"title", &Ticket::title}};
///   const std::string kFind = "SELECT " + kTicketColumns.List("t") + " FROM tickets t WHERE t.id = $1";
///   Ticket t = kTicketColumns.Read(rows.front());   // extra columns after them start at kTicketColumns.size()
template <typename T>
class Columns {
 public:
  using Reader = std::function<void(T&, const Row&, std::size_t)>;

  struct Column {
    std::string_view name;
    Reader read;

    /// A plain member (number, text, time, or their optional forms).
    template <typename M>
    Column(std::string_view column, M T::*member)
        : name(column), read([member](T& t, const Row& r, std::size_t i) { t.*member = Cell<M>(r, i); }) {}
    /// An enum stored as its vocabulary's word.
    template <typename E, std::size_t N>
    Column(std::string_view column, E T::*member, const Vocabulary<E, N>& words)
        : name(column), read([member, &words](T& t, const Row& r, std::size_t i) { t.*member = words.Stored(r.Text(i)); }) {}
    template <typename E, std::size_t N>
    Column(std::string_view column, std::optional<E> T::*member, const Vocabulary<E, N>& words)
        : name(column),
          read([member, &words](T& t, const Row& r, std::size_t i) { t.*member = words.StoredOptional(r.OptText(i)); }) {}
    /// Anything else (a list kept as text, say): the reader is given.
    Column(std::string_view column, Reader reader) : name(column), read(std::move(reader)) {}
  };

  Columns(std::initializer_list<Column> columns) : columns_(columns) {}

  /// The named columns alone, in the order named (a query that reads only what it counts).
  Columns Only(std::initializer_list<std::string_view> names) const {
    Columns out;
    for (const auto name : names) {
      for (const auto& c : columns_) {
        if (c.name == name) out.columns_.push_back(c);
      }
    }
    return out;
  }

  /// "id, kind, title", or with an alias "t.id, t.kind, t.title".
  std::string List(std::string_view alias = {}) const {
    std::string out;
    for (const auto& c : columns_) {
      if (!out.empty()) out += ", ";
      if (!alias.empty()) {
        out += alias;
        out += '.';
      }
      out += c.name;
    }
    return out;
  }
  /// The record in the row's cells from `first` on.
  T Read(const Row& r, std::size_t first = 0) const {
    T t{};
    Fill(t, r, first);
    return t;
  }
  /// Fills the columns' members of `t` (the others stay as they are).
  void Fill(T& t, const Row& r, std::size_t first = 0) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) columns_[i].read(t, r, first + i);
  }
  std::size_t size() const { return columns_.size(); }

 private:
  Columns() = default;
  std::vector<Column> columns_;
};

}  // namespace hearth::db
