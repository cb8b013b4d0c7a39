#pragma once
#include <map>
#include <string>
#include <vector>

namespace hearth::test {

/// Every row of every table of a database, each row as one line of text, the rows of a table
/// sorted: two snapshots are equal when the databases hold the same data.
using DbSnapshot = std::map<std::string, std::vector<std::string>>;
DbSnapshot SnapshotOf(const std::string& url);

/// The tables whose snapshots differ, with their row counts ("customers: 12 vs 11"); empty when equal.
std::vector<std::string> Differences(const DbSnapshot& a, const DbSnapshot& b);

}  // namespace hearth::test
