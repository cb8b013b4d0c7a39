#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace hearth::http {

/// Prometheus metrics (prometheus-cpp core): request counts by route, method and status, and
/// latency histograms by route and method. Thread-safe.
class Metrics {
 public:
  Metrics();
  ~Metrics();
  void ObserveRequest(std::string_view route, std::string_view method, int status, double seconds);
  /// A gauge the application sets (e.g. "hearth_db_up").
  void SetGauge(const std::string& name, const std::string& help, double value);
  /// The text exposition format for GET /metrics.
  std::string Render() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hearth::http
