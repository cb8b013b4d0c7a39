#include "platform/event_hub.hpp"

#include <algorithm>

namespace hearth::platform {

namespace {
template <typename List>
void DropClosed(List& list) {
  std::erase_if(list, [](const auto& s) { return s.stream->closed(); });
}
}  // namespace

std::shared_ptr<http::EventStream> EventHub::Open(const Actor& actor) {
  auto stream = std::make_shared<http::EventStream>();
  std::lock_guard lock(mutex_);
  auto& list = streams_[actor.user_id];
  DropClosed(list);
  while (list.size() >= kStreamsPerUser) {
    list.front().stream->Close();
    list.erase(list.begin());
  }
  list.push_back({stream, actor.tenant_id, actor.IsAdmin() ? std::string("/") : actor.org_path});
  return stream;
}

int EventHub::Publish(std::int64_t user_id, std::string_view event, std::string_view json) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mutex_);
    auto it = streams_.find(user_id);
    if (it == streams_.end()) return 0;
    DropClosed(it->second);
    for (const auto& o : it->second) targets.push_back(o.stream);
    if (targets.empty()) streams_.erase(it);
  }
  int delivered = 0;
  for (auto& s : targets) delivered += s->Send(event, json) ? 1 : 0;
  return delivered;
}

int EventHub::PublishInScope(std::int64_t tenant_id, std::string_view path, std::string_view event,
                             std::string_view json) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mutex_);
    for (auto it = streams_.begin(); it != streams_.end();) {
      DropClosed(it->second);
      for (const auto& o : it->second) {
        if (o.tenant_id == tenant_id && path.starts_with(o.scope)) targets.push_back(o.stream);
      }
      it = it->second.empty() ? streams_.erase(it) : std::next(it);
    }
  }
  int delivered = 0;
  for (auto& s : targets) delivered += s->Send(event, json) ? 1 : 0;
  return delivered;
}

std::size_t EventHub::open() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [user, list] : streams_) {
    n += static_cast<std::size_t>(std::count_if(list.begin(), list.end(), [](const auto& s) { return !s.stream->closed(); }));
  }
  return n;
}

}  // namespace hearth::platform
