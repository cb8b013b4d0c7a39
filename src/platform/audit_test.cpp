// FoldReads as a table: which journaled reads become one row of the audit log.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "platform/audit.hpp"

namespace hearth::platform {
namespace {

JournaledEntry Read(std::int64_t actor, std::string address, std::string ids, std::int64_t at_ms,
                    std::string fields = R"(["phones","id_number"])", std::string entity_type = "customer") {
  const bool single = ids.find(',') == std::string::npos;
  return JournaledEntry{.boot = "b",
                        .seq = at_ms,
                        .tenant_id = 1,
                        .at_ms = at_ms,
                        .actor_id = actor,
                        .actor_username = "u" + std::to_string(actor),
                        .action = "personal_data.viewed",
                        .entity_type = std::move(entity_type),
                        .entity_id = single ? std::optional<std::int64_t>(std::stoll(ids)) : std::nullopt,
                        .after_json = R"({"fields":)" + fields + R"(,"ids":[)" + ids + "]}",
                        .request_id = "r" + std::to_string(at_ms),
                        .remote_address = std::move(address)};
}

// A row as the test reads it: actor, entity id (or -1), distinct ids, reads (0: not folded).
struct Row {
  std::int64_t actor;
  std::int64_t entity_id;
  std::string ids;
  std::size_t reads;
  friend bool operator==(const Row&, const Row&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Row& r) {
    return os << "{" << r.actor << ", " << r.entity_id << ", " << r.ids << ", " << r.reads << "}";
  }
};

std::vector<Row> Fold(const std::vector<JournaledEntry>& in) {
  std::vector<const JournaledEntry*> ptrs;
  for (const auto& e : in) ptrs.push_back(&e);
  std::vector<Row> out;
  for (const auto& e : FoldReads(ptrs)) {
    auto after = boost::json::parse(*e.after_json).as_object();
    const auto* reads = after.if_contains("reads");
    out.push_back(Row{*e.actor_id, e.entity_id.value_or(-1), boost::json::serialize(after.at("ids")),
                      reads ? reads->as_array().size() : 0});
  }
  return out;
}

TEST(FoldReads, ReadsOfOnePersonFromOneAddressBecomeOneRow) {
  struct Case {
    const char* name;
    std::vector<JournaledEntry> in;
    std::vector<Row> out;
  };
  const std::vector<Case> cases = {
      {"one read is written as it came", {Read(7, "a", "5", 1)}, {{7, 5, "[5]", 0}}},
      {"three reads of three records: one row, no entity id",
       {Read(7, "a", "5", 1), Read(7, "a", "6", 2), Read(7, "a", "7", 3)},
       {{7, -1, "[5,6,7]", 3}}},
      {"the same record read twice: its id stays", {Read(7, "a", "5", 1), Read(7, "a", "5", 2)}, {{7, 5, "[5]", 2}}},
      {"a list read and a single read fold, ids distinct",
       {Read(7, "a", "5,6", 1), Read(7, "a", "6", 2)},
       {{7, -1, "[5,6]", 2}}},
      {"two people: two rows, in the order of their first read",
       {Read(8, "a", "5", 1), Read(7, "a", "6", 2), Read(8, "a", "7", 3)},
       {{8, -1, "[5,7]", 2}, {7, 6, "[6]", 0}}},
      {"another address is another row", {Read(7, "a", "5", 1), Read(7, "b", "6", 2)}, {{7, 5, "[5]", 0}, {7, 6, "[6]", 0}}},
      {"other fields are another row",
       {Read(7, "a", "5", 1), Read(7, "a", "6", 2, R"(["phones"])")},
       {{7, 5, "[5]", 0}, {7, 6, "[6]", 0}}},
      {"another kind of record is another row",
       {Read(7, "a", "5", 1), Read(7, "a", "6", 2, R"(["phones","id_number"])", "user")},
       {{7, 5, "[5]", 0}, {7, 6, "[6]", 0}}},
  };
  for (const auto& c : cases) EXPECT_EQ(Fold(c.in), c.out) << c.name;
}

TEST(FoldReads, ARowHoldsAtMostAHundredReads) {
  std::vector<JournaledEntry> in;
  for (int i = 1; i <= 250; ++i) in.push_back(Read(7, "a", std::to_string(i), i));
  const auto rows = Fold(in);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].reads, 100u);
  EXPECT_EQ(rows[1].reads, 100u);
  EXPECT_EQ(rows[2].reads, 50u);
}

TEST(FoldReads, EachReadKeepsItsTimeAndRequest) {
  std::vector<JournaledEntry> in = {Read(7, "a", "5", 1796000000000), Read(7, "a", "6", 1796000000250)};
  std::vector<const JournaledEntry*> ptrs = {&in[0], &in[1]};
  const auto rows = FoldReads(ptrs);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at_ms, 1796000000000);
  EXPECT_EQ(rows[0].request_id, "");
  EXPECT_EQ(*rows[0].after_json,
            R"({"fields":["phones","id_number"],"ids":[5,6],"reads":[)"
            R"({"at":"2026-11-30T00:53:20Z","request_id":"r1796000000000","ids":[5]},)"
            R"({"at":"2026-11-30T00:53:20.250Z","request_id":"r1796000000250","ids":[6]}]})");
}

TEST(FoldReads, AnEntryOfAnotherShapeIsWrittenAsItCame) {
  JournaledEntry odd = Read(7, "a", "5", 1);
  odd.after_json = "{}";
  JournaledEntry broken = Read(7, "a", "6", 2);
  broken.after_json = "{not json";
  std::vector<JournaledEntry> in = {odd, Read(7, "a", "7", 3), broken, Read(7, "a", "8", 4)};
  std::vector<const JournaledEntry*> ptrs;
  for (const auto& e : in) ptrs.push_back(&e);
  const auto rows = FoldReads(ptrs);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(*rows[0].after_json, "{}");
  EXPECT_EQ(rows[1].after_json->find(R"("ids":[7,8])") != std::string::npos, true) << *rows[1].after_json;
  EXPECT_EQ(*rows[2].after_json, "{not json");
}

TEST(JournalLine, AnEntryComesBackAsItWent) {
  JournaledEntry e = Read(7, "10.0.0.1", "5,6", 1796000000000);
  e.boot = "0123456789abcdef";
  e.seq = 42;
  e.request_id = "req\xff\"\n";  // a header's bytes: not UTF-8, a quote, a newline
  const std::string line = JournalLine(e);
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line";
  EXPECT_NE(line.find(R"("after":{"fields":)"), std::string::npos) << "the entry's JSON as it is: " << line;
  const auto back = ParseJournalLine(std::string_view(line).substr(0, line.size() - 1));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->seq, 42);
  EXPECT_EQ(back->boot, e.boot);
  EXPECT_EQ(back->after_json, e.after_json);
  EXPECT_EQ(back->actor_username, e.actor_username);
  EXPECT_EQ(back->remote_address, "10.0.0.1");
  EXPECT_EQ(back->request_id, "req\u00ff\"\n");  // each byte from 0x80 as its code point
  EXPECT_EQ(back->entity_id, std::nullopt);
}

// A journal in a directory of its own, whose writer keeps what it is given.
class JournalTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() / ("hearth-journal-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::unique_ptr<AuditJournal> Open(std::size_t file_bytes = 8u << 20) {
    return std::make_unique<AuditJournal>(
        AuditJournal::Options{.dir = dir_, .db_key = "k", .max_delay = std::chrono::milliseconds(1000),
                              .max_batch = 5000, .file_bytes = file_bytes},
        [this](const std::vector<JournaledEntry>& batch) {
          std::lock_guard lock(mutex_);
          for (const auto& e : batch) written_.push_back(e.seq);
        });
  }
  std::vector<std::int64_t> Written() {
    std::lock_guard lock(mutex_);
    return written_;
  }
  std::size_t Files() const {
    std::size_t n = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir_)) n += f.path().extension() == ".jsonl";
    return n;
  }

  std::string dir_;
  std::mutex mutex_;
  std::vector<std::int64_t> written_;
};

TEST_F(JournalTest, WhatAKilledProcessAppendedIsReplayedInOrderAcrossFullFiles) {
  {
    auto journal = Open(4096);  // about fifteen lines a file
    for (int i = 1; i <= 100; ++i) journal->Append(Read(7, "a", std::to_string(i), i));
    journal->AbandonForTest();  // as a kill: nothing written, the files stay
    EXPECT_GE(Files(), 6u);
    // The files stay locked until the journal is gone, as while its process lives.
    auto other = Open();
    EXPECT_EQ(other->Recover(), 0u);
  }
  auto next = Open();
  EXPECT_EQ(next->Recover(), 100u);
  const auto written = Written();
  ASSERT_EQ(written.size(), 100u);
  for (std::size_t i = 0; i < written.size(); ++i) EXPECT_EQ(written[i], static_cast<std::int64_t>(i + 1));
}

TEST_F(JournalTest, ALineCutShortByAKillIsSkippedAndTheLinesAfterItAreKept) {
  std::filesystem::create_directories(dir_);
  auto line = [](std::int64_t seq) {
    JournaledEntry e = Read(7, "a", "5", seq);
    e.seq = seq;
    e.boot = "deadbeef";
    return JournalLine(e);
  };
  // Three places were given out; the copy into the second was cut short by the kill (its head
  // and tail written, the middle still zeros), the third was done; then the file's unused tail.
  std::string torn = line(2);
  std::fill(torn.begin() + 20, torn.end() - 10, '\0');
  std::string text = line(1) + torn + line(3) + std::string(1000, '\0');
  std::ofstream(std::filesystem::path(dir_) / "k.deadbeef.000000000000.jsonl", std::ios::binary) << text;
  auto journal = Open();
  EXPECT_EQ(journal->Recover(), 2u);
  EXPECT_EQ(Written(), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(Files(), 1u) << "the dead file is gone; the journal's own is left";
}

TEST_F(JournalTest, AFlushWritesWhatWasAppendedAndACleanStopLeavesNoFile) {
  {
    auto journal = Open();
    for (int i = 1; i <= 3; ++i) journal->Append(Read(7, "a", std::to_string(i), i));
    EXPECT_TRUE(journal->Flush());
    EXPECT_EQ(Written().size(), 3u);
    journal->Append(Read(7, "a", "4", 4));
  }
  EXPECT_EQ(Written().size(), 4u);
  EXPECT_EQ(Files(), 0u);
}

}  // namespace
}  // namespace hearth::platform
