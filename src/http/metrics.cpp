#include "http/metrics.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace hearth::http {

struct Metrics::Impl {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
      prometheus::BuildCounter().Name("hearth_http_requests_total").Help("HTTP requests by route, method and status")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
      prometheus::BuildHistogram().Name("hearth_http_request_duration_seconds")
          .Help("HTTP request latency by route and method").Register(*registry);
  std::mutex mutex;
  std::map<std::string, prometheus::Gauge*, std::less<>> gauges;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status, double seconds) {
  static const prometheus::Histogram::BucketBoundaries kBuckets{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025,
                                                                0.05,   0.1,   0.25,  0.5,   1.0,  2.5};
  // Each thread keeps the children it has used, so the hot path takes no lock. Children live
  // as long as the registry, which outlives the server threads.
  struct Children {
    prometheus::Histogram* histogram;
    prometheus::Counter* counter;
  };
  thread_local std::map<std::pair<const Impl*, std::string>, Children, std::less<>> cache;
  // A client chooses the method's text: any other than these is one label, so that it cannot
  // make the registry grow without bound.
  static constexpr std::string_view kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  if (std::find(std::begin(kMethods), std::end(kMethods), method) == std::end(kMethods)) method = "other";
  std::string key;
  key.reserve(route.size() + method.size() + 5);
  key.append(route).append(" ").append(method).append(" ").append(std::to_string(status));
  auto it = cache.find(std::pair<const Impl*, std::string>(impl_.get(), key));
  if (it == cache.end()) {
    const std::string route_label = route.empty() ? "unmatched" : std::string(route);
    std::lock_guard lock(impl_->mutex);
    Children c{&impl_->latency.Add({{"route", route_label}, {"method", std::string(method)}}, kBuckets),
               &impl_->requests.Add(
                   {{"route", route_label}, {"method", std::string(method)}, {"status", std::to_string(status)}})};
    it = cache.emplace(std::pair<const Impl*, std::string>(impl_.get(), key), c).first;
  }
  it->second.histogram->Observe(seconds);
  it->second.counter->Increment();
}

void Metrics::SetGauge(const std::string& name, const std::string& help, double value) {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->gauges.find(name);
  if (it == impl_->gauges.end()) {
    auto& family = prometheus::BuildGauge().Name(name).Help(help).Register(*impl_->registry);
    it = impl_->gauges.emplace(name, &family.Add({})).first;
  }
  it->second->Set(value);
}

namespace {

/// One metric in the text exposition format.
void Append(std::string& out, std::string_view name, std::string_view type, std::string_view help, double value) {
  std::ostringstream line;
  line.precision(15);
  line << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n' << name << ' ' << value << '\n';
  out += line.str();
}

/// The process's own figures, as the standard process collector of Prometheus' client libraries
/// names them (process_*), read from /proc on each scrape.
std::string ProcessMetrics() {
  std::string out;
  std::ifstream stat_file("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
  // The fields after the command's closing parenthesis (the command may hold spaces): state is
  // field 3; utime 14, stime 15, num_threads 20, starttime 22, vsize 23, rss 24.
  const auto close = stat.rfind(')');
  if (close != std::string::npos) {
    std::istringstream in(stat.substr(close + 2));
    std::vector<std::string> f{"", "", ""};  // fields 1–2 are before; f[k] is field k
    for (std::string word; in >> word;) f.push_back(word);
    if (f.size() > 24) {
      const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
      const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
      Append(out, "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.",
             (std::stod(f[14]) + std::stod(f[15])) / ticks);
      Append(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", std::stod(f[24]) * page);
      Append(out, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", std::stod(f[23]));
      Append(out, "process_threads", "gauge", "Number of OS threads in the process.", std::stod(f[20]));
      // Start time: seconds after boot, plus the boot time (btime in /proc/stat).
      std::ifstream system_stat("/proc/stat");
      for (std::string line; std::getline(system_stat, line);) {
        if (!line.starts_with("btime ")) continue;
        Append(out, "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.",
               std::stod(line.substr(6)) + std::stod(f[22]) / ticks);
      }
    }
  }
  std::error_code ec;
  std::size_t fds = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    ++fds;
  }
  if (!ec) Append(out, "process_open_fds", "gauge", "Number of open file descriptors.", static_cast<double>(fds));
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    Append(out, "process_max_fds", "gauge", "Maximum number of open file descriptors.", static_cast<double>(limit.rlim_cur));
  }
  return out;
}

}  // namespace

std::string Metrics::Render() const {
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect()) + ProcessMetrics();
}

}  // namespace hearth::http
