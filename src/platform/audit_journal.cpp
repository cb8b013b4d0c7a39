#include "platform/audit_journal.hpp"

#include "core/log.hpp"

#include "core/json_writer.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace hearth::platform {

namespace fs = std::filesystem;

namespace {

std::string RandomBoot() {
  std::random_device rd;
  return fmt::format("{:08x}{:08x}", rd(), rd());
}

// The lines of a journal file: a line ends at a newline or at a zero byte (the file's unused
// tail, or a line whose copy a kill cut short, which then does not parse).
std::vector<std::string_view> JournalLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\0') continue;
    if (i > start) lines.push_back(text.substr(start, i - start));
    start = i + 1;
  }
  return lines;
}

}  // namespace

// Written with JsonWriter rather than boost::json: it runs on the path of every audited read.
// Text from a request (its id, the address, a username) may not be UTF-8: written as Bytes, the
// line always parses back.
std::string JournalLine(const JournaledEntry& e) {
  JsonWriter w;
  w.BeginObject();
  if (e.seq != 0) {  // else Append puts it in front
    w.Key("seq");
    w.Int(e.seq);
  }
  w.Key("boot");
  w.Bytes(e.boot);
  w.Key("tenant_id");
  w.Int(e.tenant_id);
  w.Key("at");
  w.Int(e.at_ms);
  w.Key("actor_id");
  e.actor_id ? w.Int(*e.actor_id) : w.Null();
  w.Key("actor_username");
  e.actor_username ? w.Bytes(*e.actor_username) : w.Null();
  w.Key("action");
  w.Bytes(e.action);
  w.Key("entity_type");
  w.Bytes(e.entity_type);
  w.Key("entity_id");
  e.entity_id ? w.Int(*e.entity_id) : w.Null();
  w.Key("after");
  e.after_json ? w.Raw(*e.after_json) : w.Null();  // JSON text already: as it is, nothing to escape
  w.Key("request_id");
  w.Bytes(e.request_id);
  w.Key("remote_address");
  w.Bytes(e.remote_address);
  w.EndObject();
  std::string line = std::move(w).Take();
  line += '\n';
  return line;
}

std::optional<JournaledEntry> ParseJournalLine(std::string_view line) {
  boost::system::error_code ec;
  auto v = boost::json::parse(line, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto str = [&](const char* k) -> std::optional<std::string> {
    const auto* x = o.if_contains(k);
    return x && x->is_string() ? std::optional<std::string>(std::string(x->as_string())) : std::nullopt;
  };
  auto num = [&](const char* k) -> std::optional<std::int64_t> {
    const auto* x = o.if_contains(k);
    return x && x->is_int64() ? std::optional<std::int64_t>(x->as_int64()) : std::nullopt;
  };
  JournaledEntry e;
  auto boot = str("boot");
  auto seq = num("seq");
  auto tenant = num("tenant_id");
  auto at = num("at");
  auto action = str("action");
  auto type = str("entity_type");
  if (!boot || !seq || !tenant || !at || !action || !type) return std::nullopt;
  e.boot = *boot;
  e.seq = *seq;
  e.tenant_id = *tenant;
  e.at_ms = *at;
  e.actor_id = num("actor_id");
  e.actor_username = str("actor_username");
  e.action = *action;
  e.entity_type = *type;
  e.entity_id = num("entity_id");
  // JSON in the line (or, in lines of older versions, a string holding it).
  if (const auto* after = o.if_contains("after"); after && !after->is_null()) {
    e.after_json = after->is_string() ? std::string(after->as_string()) : boost::json::serialize(*after);
  }
  e.request_id = str("request_id").value_or("");
  e.remote_address = str("remote_address").value_or("");
  return e;
}

AuditJournal::AuditJournal(Options options, Writer writer)
    : options_(std::move(options)), writer_(std::move(writer)), boot_(RandomBoot()) {
  std::error_code ec;
  fs::create_directories(options_.dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create the audit journal {}: {}", options_.dir, ec.message()));
  try {
    current_ = OpenSegment();
  } catch (const std::exception& e) {
    // A full disk: entries are kept in memory until a batch's rotation finds room again.
    log::Error("audit journal").Str("error", e.what());
  }
  thread_ = std::thread([this] { Run(); });
}

AuditJournal::~AuditJournal() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  Close(current_);
  if (current_.last == 0 && written_ == appended_) ::unlink(current_.path.c_str());
  for (auto& s : closed_) Close(s);
  for (auto& s : spares_) ::unlink(s.path.c_str());
}

AuditJournal::Segment AuditJournal::OpenSegment() {
  // Made under a name Recover does not read, locked, sized, mapped, then renamed: another
  // process never sees the file of a live one unlocked.
  const std::string name = fmt::format("{}.{}.{:012}.jsonl", options_.db_key, boot_, next_segment_++);
  const std::string path = (fs::path(options_.dir) / name).string();
  const std::string tmp = (fs::path(options_.dir) / (".new-" + name)).string();
  auto fail = [&](const std::string& what) {
    return std::runtime_error(fmt::format("cannot write the audit journal {}: {}", what, std::strerror(errno)));
  };
  // A spare (cleared, still locked and mapped) becomes the segment by its new name.
  while (!spares_.empty()) {
    Segment spare = std::move(spares_.back());
    spares_.pop_back();
    if (::rename(spare.path.c_str(), path.c_str()) == 0) return {std::move(spare.file), path};
    ::unlink(spare.path.c_str());
  }
  auto file = std::make_shared<File>();
  file->fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (file->fd < 0) throw fail(tmp);
  ::flock(file->fd, LOCK_EX);
  // The blocks are taken now: a page of a mapping that the disk cannot hold would kill the
  // process (SIGBUS) when written; a full disk is met here, as an error, instead.
  if (const int rc = ::posix_fallocate(file->fd, 0, static_cast<off_t>(options_.file_bytes)); rc != 0) {
    errno = rc;
    ::unlink(tmp.c_str());
    throw fail(tmp);
  }
  void* map = ::mmap(nullptr, options_.file_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, file->fd, 0);
  if (map == MAP_FAILED) {
    ::unlink(tmp.c_str());
    throw fail(tmp);
  }
  file->map = static_cast<char*>(map);
  file->bytes = options_.file_bytes;
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw fail(path);
  }
  return {std::move(file), path};
}

AuditJournal::File::~File() {
  if (map) ::munmap(map, bytes);
  if (fd >= 0) ::close(fd);
}

void AuditJournal::Close(Segment& s) { s.file.reset(); }

void AuditJournal::Rotate() {
  Segment next = OpenSegment();
  current_.last = appended_;
  closed_.push_back(current_);
  current_ = next;
}

void AuditJournal::Append(JournaledEntry entry) {
  entry.boot = boot_;
  // The line is made, and copied, outside the lock: under it the entry only gets its seq (in
  // the order entries are queued, which is the order they are written to the database in) and
  // its place in the file. Lines may reach a file out of seq order; Recover sorts them.
  const std::string line = JournalLine(entry);
  char prefix[40];
  std::shared_ptr<const File> file;
  std::size_t at = 0;
  std::size_t prefix_size = 0;
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    entry.seq = ++seq_;
    prefix_size = static_cast<std::size_t>(
        fmt::format_to_n(prefix, sizeof prefix, R"({{"seq":{},)", entry.seq).out - prefix);
    const std::size_t size = prefix_size + line.size() - 1;
    // A full file is followed by another; after a failure, the writer's next batch tries again.
    if (current_.file && current_.used + size > options_.file_bytes && size <= options_.file_bytes) {
      try {
        Rotate();
      } catch (const std::exception& e) {
        log::Error("audit journal").Str("error", e.what());  // the entry is still written from memory
        current_.file.reset();
      }
    }
    if (current_.file && current_.used + size <= options_.file_bytes) {
      file = current_.file;
      at = current_.used;
      current_.used += size;
    }
    if (pending_.empty()) {
      first_pending_at_ = std::chrono::steady_clock::now();
      wake = true;
    }
    pending_.push_back(std::move(entry));
    ++appended_;
    wake = wake || pending_.size() >= options_.max_batch;
  }
  if (wake) wake_.notify_one();
  if (file) {
    std::memcpy(file->map + at, prefix, prefix_size);
    std::memcpy(file->map + at + prefix_size, line.data() + 1, line.size() - 1);
  }
}

bool AuditJournal::Flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = appended_;
  if (written_ >= target) return true;
  urgent_ = true;
  wake_.notify_one();
  const bool ok = done_.wait_for(lock, timeout, [&] { return written_ >= target || abandon_; });
  return ok && written_ >= target;
}

void AuditJournal::AbandonForTest() {
  {
    std::lock_guard lock(mutex_);
    abandon_ = true;
  }
  wake_.notify_all();
  done_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AuditJournal::Run() {
  std::vector<JournaledEntry> batch;
  for (;;) {
    std::unique_lock lock(mutex_);
    if (batch.empty()) {
      wake_.wait(lock, [&] { return stop_ || abandon_ || !pending_.empty(); });
      if (abandon_) return;
      if (pending_.empty()) return;  // stopping with nothing left
      // Gather for at most max_delay after the first entry, unless the batch is full or a
      // Flush (or the shutdown) waits.
      wake_.wait_until(lock, first_pending_at_ + options_.max_delay, [&] {
        return stop_ || abandon_ || urgent_ || pending_.size() >= options_.max_batch;
      });
      if (abandon_) return;
      const std::size_t take = std::min(pending_.size(), options_.max_batch);
      batch.assign(std::make_move_iterator(pending_.begin()),
                   std::make_move_iterator(pending_.begin() + static_cast<std::ptrdiff_t>(take)));
      pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(take));
      if (!pending_.empty()) first_pending_at_ = std::chrono::steady_clock::now();
      if (pending_.empty()) urgent_ = false;
      // Later entries go to a new file; this one goes once every entry in it is written.
      try {
        Rotate();
      } catch (const std::exception& e) {
        log::Error("audit journal").Str("error", e.what());  // keep appending to this one
      }
    }
    lock.unlock();
    bool ok = true;
    try {
      writer_(batch);
    } catch (const std::exception& e) {
      ok = false;
      log::Warn("audit journal").Str("error", e.what()).Int("pending", static_cast<std::int64_t>(batch.size()));
    }
    lock.lock();
    if (!ok) {
      // The database may be down: try again in a second. Stopping, leave the files to Recover.
      if (stop_) return;
      wake_.wait_for(lock, std::chrono::seconds(1), [&] { return abandon_ || stop_; });
      if (abandon_) return;
      continue;
    }
    written_ += batch.size();
    batch.clear();
    std::vector<Segment> done;
    while (!closed_.empty() && closed_.front().last <= written_) {
      done.push_back(std::move(closed_.front()));
      closed_.pop_front();
    }
    // A file no appender still copies a line into (only the segment holds it) is kept as a spare.
    std::vector<Segment> reuse;
    for (auto& s : done) {
      if (s.file && s.file.use_count() == 1 && spares_.size() + reuse.size() < 2) {
        reuse.push_back(std::move(s));
      } else {
        ::unlink(s.path.c_str());
        Close(s);
      }
    }
    lock.unlock();
    done_.notify_all();
    for (auto& s : reuse) {
      // Cleared as a new file is (its blocks stay taken), then named so that Recover passes it by.
      std::memset(s.file->map, 0, std::min(s.used, s.file->bytes));
      const std::string spare = (fs::path(options_.dir) / (".spare-" + fs::path(s.path).filename().string())).string();
      if (::rename(s.path.c_str(), spare.c_str()) != 0) {
        ::unlink(s.path.c_str());
        continue;
      }
      s.path = spare;
      s.used = 0;
      s.last = 0;
      lock.lock();
      spares_.push_back(std::move(s));
      lock.unlock();
    }
  }
}

std::size_t AuditJournal::Recover() {
  // The files of ended processes, by process: each is locked while we read it, so that two
  // processes starting together do not both replay it.
  std::map<std::string, std::vector<fs::path>> by_boot;
  for (const auto& entry : fs::directory_iterator(options_.dir)) {
    const std::string name = entry.path().filename().string();
    // An ended process's spare files (cleared, holding nothing) go; a live one holds its lock.
    if (name.starts_with(".spare-" + options_.db_key + ".")) {
      const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
      if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) ::unlink(entry.path().c_str());
      if (fd >= 0) ::close(fd);
      continue;
    }
    if (!name.starts_with(options_.db_key + ".") || !name.ends_with(".jsonl")) continue;
    const std::string boot = name.substr(options_.db_key.size() + 1, name.find('.', options_.db_key.size() + 1) -
                                                                          options_.db_key.size() - 1);
    if (boot != boot_) by_boot[boot].push_back(entry.path());
  }
  std::size_t replayed = 0;
  for (auto& [boot, paths] : by_boot) {
    std::vector<int> held;
    std::vector<fs::path> read;
    std::vector<JournaledEntry> entries;
    for (const auto& path : paths) {
      const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;  // replayed and deleted by another process meanwhile
      if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);  // its process lives
        continue;
      }
      held.push_back(fd);
      read.push_back(path);
      std::ifstream in(path, std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (const auto line : JournalLines(text)) {
        if (auto e = ParseJournalLine(line)) entries.push_back(std::move(*e));
      }
    }
    // The writer skips what the database already has by seq: give it the entries in order.
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
    for (std::size_t i = 0; i < entries.size(); i += options_.max_batch) {
      const auto from = entries.begin() + static_cast<std::ptrdiff_t>(i);
      const auto to = entries.begin() + static_cast<std::ptrdiff_t>(std::min(entries.size(), i + options_.max_batch));
      writer_(std::vector<JournaledEntry>(from, to));
    }
    replayed += entries.size();
    for (const auto& path : read) ::unlink(path.c_str());
    for (int fd : held) ::close(fd);
  }
  return replayed;
}

}  // namespace hearth::platform
