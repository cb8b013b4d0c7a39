#include "modules/customers/customer_service.hpp"

#include "core/log.hpp"

#include <chrono>


#include "core/masking.hpp"
#include "core/phone.hpp"

#include "modules/customers/customer_repo.hpp"

#include <algorithm>

#include "modules/customers/search_terms.hpp"

namespace hearth::customers {

namespace {

// How well a candidate matches: exact beats prefix beats suffix beats contains; 0 = not at all.
int Score(const Customer& c, const SearchQuery& q) {
  auto rank = [&](const std::string& text) {
    if (text == q.needle) return 100;
    if (text.starts_with(q.needle)) return 80;
    if (text.ends_with(q.needle)) return 70;
    if (text.find(q.needle) != std::string::npos) return 50;
    return 0;
  };
  int best = 0;
  if (q.kind == SearchQuery::Kind::kName) return rank(NormalizeName(c.name));
  for (const auto& p : c.phones) best = std::max(best, rank(DigitsOf(p.phone)));
  if (c.id_number) best = std::max(best, rank(DigitsOf(*c.id_number)) - 5);
  return best;
}

boost::json::object AuditView(const Customer& c) { return ToJson(c, true); }

// "3-2-1101", "A-1101": ASCII letters or digits in 2 or 3 groups joined by '-', with a letter
// or a group of other than 3–4 digits, so that "138-1234-5678" stays a phone number.
bool IsUnitCode(std::string_view q) {
  int groups = 1;
  std::size_t len = 0;
  for (char c : q) {
    if (c == '-') {
      if (len == 0) return false;
      ++groups;
      len = 0;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      ++len;
    } else {
      return false;
    }
  }
  if (len == 0 || groups < 2 || groups > 3) return false;
  const bool phone_like = q.size() == 13 && q[3] == '-' && q[8] == '-';
  return !phone_like;
}

}  // namespace

Result<ScopedCustomer> CustomerService::FindInScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto found = repo_->Find(tx, actor.tenant_id, id, actor.IsAdmin() ? "/" : actor.org_path);
  // The company that holds the record, or one where the customer has a home, deal or ticket.
  if (!found || !(actor.InScope(found->org_path) || found->shared)) return NotFound("no such customer");
  if (found->customer.merged_into) {
    Error e{ErrorCode::kNotFound, "not_found", "this customer was merged into another", {}, {}};
    e.extra.emplace_back("merged_into", std::to_string(*found->customer.merged_into));
    return tl::unexpected(std::move(e));
  }
  return std::move(*found);
}

Result<void> CustomerService::CheckDuplicate(db::Tx& tx, const Customer& c) {
  if (auto existing = repo_->FindDuplicate(tx, c.tenant_id, c.phones, c.id_number, c.id)) {
    Error e{ErrorCode::kConflict, "duplicate_customer",
            "a customer with this phone or ID number already exists in the group", {{existing->second, "taken"}}, {}};
    e.extra.emplace_back("existing_id", std::to_string(existing->first));
    return tl::unexpected(std::move(e));
  }
  return {};
}

void CustomerService::AppendTimeline(db::Tx& tx, std::int64_t tenant_id, const TimelineEvent& event,
                                     std::optional<std::int64_t> actor_id) {
  timeline_.Append(tx, tenant_id, event, actor_id, clock_.Now());
}

Result<Customer> CustomerService::Create(const RequestContext& ctx, const CustomerInput& input) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change customers");
  const Timestamp now = clock_.Now();
  Customer c;
  c.tenant_id = actor.tenant_id;
  c.created_at = c.updated_at = now;
  HEARTH_TRY(ApplyInput(c, input, ChinaDate(now), now));
  return db_.Transact([&](db::Tx& tx) -> Result<Customer> {
    auto unit = orgs_.FindInScope(tx, actor, input.org_unit_id.value_or(actor.org_unit_id));
    if (!unit) return FailField("org_unit_id", "not_found");
    c.org_unit_id = unit->id;
    c.org_unit_name = unit->name;
    HEARTH_TRY(CheckDuplicate(tx, c));
    c.id = repo_->Insert(tx, c, SearchTermsOf(c));
    timeline_.Append(tx, c.tenant_id, {0, c.id, now, "profile", "customer", c.id, "建立客户档案"}, actor.user_id, now);
    audit_.Record(tx, ctx, "customer.created", "customer", c.id, nullptr, AuditView(c));
    return c;
  });
}

Result<Customer> CustomerService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Customer> {
    HEARTH_ASSIGN(ScopedCustomer found, FindInScope(tx, actor, id));
    return std::move(found.customer);
  });
}

Result<std::optional<Customer>> CustomerService::FindByPhone(const RequestContext& ctx, const std::string& phone) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const auto normalized = NormalizePhone(phone);
  if (!normalized) return std::optional<Customer>();
  return db_.Read([&](db::Tx& tx) -> Result<std::optional<Customer>> {
    return FindByNumber(tx, actor, {{*normalized, "mobile"}}, std::nullopt);
  });
}

std::optional<Customer> CustomerService::FindByNumber(db::Tx& tx, const Actor& actor,
                                                       const std::vector<CustomerPhone>& phones,
                                                       const std::optional<std::string>& id_number) {
  const auto hit = repo_->FindDuplicate(tx, actor.tenant_id, phones, id_number, 0);
  if (!hit) return std::nullopt;
  auto found = FindInScope(tx, actor, hit->first);
  if (!found) return std::nullopt;
  return std::move(found->customer);
}

Result<Customer> CustomerService::Update(const RequestContext& ctx, std::int64_t id, const CustomerInput& input,
                                         std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change customers");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Customer> {
    HEARTH_ASSIGN(ScopedCustomer found, FindInScope(tx, actor, id));
    if (found.customer.anonymized_at) return Fail(ErrorCode::kConflict, "conflict", "the customer was anonymised");
    Customer c = found.customer;
    HEARTH_TRY(ApplyInput(c, input, ChinaDate(now), now));
    if (input.org_unit_id) {
      auto unit = orgs_.FindInScope(tx, actor, *input.org_unit_id);
      if (!unit) return FailField("org_unit_id", "not_found");
      c.org_unit_id = unit->id;
      c.org_unit_name = unit->name;
    }
    HEARTH_TRY(CheckDuplicate(tx, c));
    c.updated_at = now;
    if (!repo_->Update(tx, c, SearchTermsOf(c), expected_version)) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the customer was changed by someone else; reload it");
    }
    c.version = found.customer.version + 1;
    timeline_.Append(tx, c.tenant_id, {0, c.id, now, "profile", "customer", c.id, "更新客户档案"}, actor.user_id, now);
    audit_.Record(tx, ctx, "customer.updated", "customer", c.id, AuditView(found.customer), AuditView(c));
    return c;
  });
}

Result<platform::Listing<Customer>> CustomerService::List(const RequestContext& ctx, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Customer>> {
    platform::Listing<Customer> out;
    out.items = repo_->List(tx, actor.tenant_id, actor.IsAdmin() ? "/" : actor.org_path, page);
    out.next_cursor = TrimToPage(out.items, page, [](const Customer& c) { return c.id; });
    return out;
  });
}

Result<std::int64_t> CustomerService::RefreshSearchTerms() {
  const int version = db_.Read([&](db::Tx& tx) { return repo_->SearchTermsVersion(tx); });
  if (version >= kSearchTermsVersion) return 0;
  const auto started = std::chrono::steady_clock::now();
  std::int64_t after = 0, seen = 0, changed = 0;
  for (bool more = true; more;) {
    HEARTH_ASSIGN(more, db_.Transact([&](db::Tx& tx) -> Result<bool> {
      const auto batch = repo_->ListForIndexing(tx, after, 2000);
      for (const auto& [c, stored] : batch) {
        if (const std::string terms = SearchTermsOf(c); terms != stored) {
          repo_->SetSearchTerms(tx, c.id, terms);
          ++changed;
        }
      }
      seen += static_cast<std::int64_t>(batch.size());
      if (!batch.empty()) after = batch.back().first.id;
      return !batch.empty();
    }));
  }
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<void> {
    repo_->SetSearchTermsVersion(tx, kSearchTermsVersion);
    if (changed >= 100000) CustomerRepo::CompactIndex(tx);
    return {};
  }));
  if (seen > 0) {
    log::Info("customers indexed again for search")
        .Int("from_version", version)
        .Int("to_version", kSearchTermsVersion)
        .Int("customers", static_cast<std::int64_t>(seen))
        .Int("changed", static_cast<std::int64_t>(changed))
        .Int("ms", std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  }
  return changed;
}

Result<SearchResult> CustomerService::Search(const RequestContext& ctx, const std::string& q, int page_size,
                                             int offset) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  offset = std::clamp(offset, 0, kSearchRankCap);
  // Ranked from the best: the first page may be as long as asked (exports), later ones stay
  // within the best kSearchRankCap.
  const int limit = offset == 0 ? page_size : std::min(offset + page_size, kSearchRankCap);
  if (IsUnitCode(q) && !lookups_.empty()) {
    SearchResult found;
    db_.Read([&](db::Tx& tx) {
      for (const auto& lookup : lookups_) {
        for (std::int64_t id : lookup(tx, actor.tenant_id, q)) {
          auto c = FindInScope(tx, actor, id);
          if (c && static_cast<int>(found.items.size()) < limit) found.items.push_back(std::move(c->customer));
        }
      }
      return 0;
    });
    // A short code such as 2-1-1503 is no phone or ID fragment: the number search would only
    // read the index for nothing. Longer ones (010-12345678) may be a landline: go on.
    const auto digits = std::count_if(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; });
    found.total = static_cast<std::int64_t>(found.items.size());
    found.items.erase(found.items.begin(), found.items.begin() + std::min<std::size_t>(offset, found.items.size()));
    if (!found.items.empty() || digits < 7) return found;
  }
  const SearchQuery query = ParseQuery(q);
  if (query.kind == SearchQuery::Kind::kEmpty) {
    return Fail(ErrorCode::kInvalidArgument, "validation_failed",
                "type at least 2 characters of a name or 4 digits of a number", {{"q", "too_short"}});
  }
  // A whole mobile number or ID number is one customer at most: one lookup in the unique index.
  const bool whole_phone = query.kind == SearchQuery::Kind::kNumber && query.needle.size() == 11 && query.needle[0] == '1';
  const bool whole_id = query.kind == SearchQuery::Kind::kNumber && (query.needle.size() == 18 || query.needle.size() == 15);
  if (offset == 0 && (whole_phone || whole_id)) {
    SearchResult exact;
    db_.Read([&](db::Tx& tx) {
      std::vector<CustomerPhone> phones;
      std::optional<std::string> id_number;
      if (whole_phone) {
        if (auto p = NormalizePhone(query.needle)) phones.push_back({*p, "mobile"});
      } else {
        id_number = query.needle;
        if (id_number->back() == 'x') id_number->back() = 'X';
      }
      if (auto c = FindByNumber(tx, actor, phones, id_number)) exact.items.push_back(std::move(*c));
      return 0;
    });
    if (!exact.items.empty()) {
      exact.total = 1;
      return exact;
    }
  }
  // Tier by tier, best matches first: each is one index lookup reading a page of rows at most.
  // Candidates are checked against the query text and ordered by how well they match.
  const int per_tier = limit + 20;
  // When the broadest tier has no more candidates than this, each is checked for the count.
  const int checked_count_reach = std::min(limit + 80, kSearchRankCap + 20);
  SearchResult result;
  std::vector<std::pair<int, Customer>> scored;
  db_.Read([&](db::Tx& tx) {
    const std::string path = actor.IsAdmin() ? "/" : actor.org_path;
    bool read_whole = false;  // the broadest tier was read to its end: every match is in `scored`
    for (const auto& tokens : query.tiers) {
      auto found = repo_->Search(tx, actor.tenant_id, path, tokens, per_tier);
      read_whole = &tokens == &query.tiers.back() && static_cast<int>(found.size()) < per_tier;
      for (auto& c : found) {
        const bool seen = std::any_of(scored.begin(), scored.end(), [&](const auto& s) { return s.second.id == c.id; });
        if (seen) continue;
        if (const int s = Score(c, query); s > 0) scored.emplace_back(s, std::move(c));
      }
      if (static_cast<int>(scored.size()) >= limit) break;
    }
    // The broadest tier holds every match (and some that only hold its terms). Read whole, its
    // matches are counted; else its candidates are counted up to the cap, and when they are
    // few each is checked (only its name and numbers are read).
    if (read_whole) {
      result.total = static_cast<std::int64_t>(scored.size());
    } else {
      result.total = repo_->CountMatches(tx, actor.tenant_id, path, query.tiers.back(), kSearchCountCap + 1);
      if (result.total <= checked_count_reach) {
        const auto candidates = repo_->Candidates(tx, actor.tenant_id, path, query.tiers.back(), checked_count_reach);
        result.total = std::count_if(candidates.begin(), candidates.end(), [&](const Customer& c) { return Score(c, query) > 0; });
      }
    }
    return 0;
  });
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return a.second.id > b.second.id;  // newer records first among equals
  });
  result.truncated = static_cast<int>(scored.size()) > limit;
  result.total = std::max<std::int64_t>(result.total, static_cast<std::int64_t>(scored.size()));
  result.total_capped = result.total > kSearchCountCap;
  result.total = std::min(result.total, kSearchCountCap);
  for (std::size_t i = offset; i < scored.size() && static_cast<int>(i) < limit; ++i) {
    result.items.push_back(std::move(scored[i].second));
  }
  if (limit < kSearchRankCap && (result.truncated || limit < result.total)) result.next_offset = limit;
  return result;
}

Result<Customer> CustomerService::Reveal(const RequestContext& ctx, std::int64_t id, const std::string& reason) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) && !actor.Can(Permission::kPersonalDataView)) {
    return Forbidden("your role may not see personal data");
  }
  if (!actor.Can(Permission::kPersonalDataView) && reason.find_first_not_of(" \t") == std::string::npos) {
    return FailField("reason", "required");  // agents say why they need the number
  }
  return db_.Transact([&](db::Tx& tx) -> Result<Customer> {
    HEARTH_ASSIGN(ScopedCustomer found, FindInScope(tx, actor, id));
    audit_.Record(tx, ctx, "personal_data.revealed", "customer", id, nullptr,
                  boost::json::object{{"fields", boost::json::array{"phones", "id_number"}}, {"reason", reason}});
    return found.customer;
  });
}

Result<Customer> CustomerService::Merge(const RequestContext& ctx, std::int64_t id, std::int64_t from_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change customers");
  if (id == from_id) return FailField("from_id", "same_customer");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Customer> {
    HEARTH_ASSIGN(ScopedCustomer into, FindInScope(tx, actor, id));
    auto from = FindInScope(tx, actor, from_id);
    if (!from) return FailField("from_id", "not_found");
    Customer merged = into.customer;
    // The surviving record gains what it lacks; its own values win where both have one.
    for (const auto& p : from->customer.phones) {
      if (std::none_of(merged.phones.begin(), merged.phones.end(), [&](const auto& q) { return q.phone == p.phone; })) {
        merged.phones.push_back(p);
      }
    }
    const bool take_id = !merged.id_number && from->customer.id_number;
    auto fill = [](std::optional<std::string>& a, const std::optional<std::string>& b) {
      if (!a && b) a = b;
    };
    fill(merged.birth_date, from->customer.birth_date);
    fill(merged.email, from->customer.email);
    fill(merged.address, from->customer.address);
    fill(merged.city, from->customer.city);
    fill(merged.occupation, from->customer.occupation);
    fill(merged.marital_status, from->customer.marital_status);
    fill(merged.income_level, from->customer.income_level);
    for (const auto& t : from->customer.tags) {
      if (std::find(merged.tags.begin(), merged.tags.end(), t) == merged.tags.end()) merged.tags.push_back(t);
    }
    // Free the source's phones and ID number first: they are unique in the group.
    repo_->MarkMerged(tx, actor.tenant_id, from_id, id, now);
    if (take_id) {
      merged.id_type = from->customer.id_type;
      merged.id_number = from->customer.id_number;
      if (merged.gender == "unknown") merged.gender = from->customer.gender;
    }
    merged.updated_at = now;
    repo_->Update(tx, merged, SearchTermsOf(merged), std::nullopt);
    merged.version += 1;
    timeline_.Move(tx, actor.tenant_id, from_id, id);
    repo_->MoveShares(tx, actor.tenant_id, from_id, id);
    for (const auto& hook : merge_hooks_) hook(tx, actor.tenant_id, from_id, id);
    timeline_.Append(tx, actor.tenant_id, {0, id, now, "merge", "customer", from_id, "合并重复客户档案：" + from->customer.name},
                     actor.user_id, now);
    audit_.Record(tx, ctx, "customer.merged", "customer", id,
                  boost::json::object{{"into", AuditView(into.customer)}, {"from", AuditView(from->customer)}},
                  AuditView(merged));
    return merged;
  });
}

Result<Customer> CustomerService::Anonymize(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.Can(Permission::kPersonalDataView)) {
    return Forbidden("only managers and administrators may erase personal data");
  }
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Customer> {
    HEARTH_ASSIGN(ScopedCustomer found, FindInScope(tx, actor, id));
    if (found.customer.anonymized_at) return found.customer;
    Customer c;
    c.id = id;
    c.tenant_id = found.customer.tenant_id;
    c.org_unit_id = found.customer.org_unit_id;
    c.name = "已注销客户 #" + std::to_string(id);
    c.created_at = found.customer.created_at;
    c.updated_at = now;
    c.anonymized_at = now;
    c.consent_changed_at = now;
    repo_->Update(tx, c, SearchTermsOf(c), std::nullopt);
    c.version = found.customer.version + 1;
    timeline_.Append(tx, c.tenant_id, {0, id, now, "profile", "customer", id, "个人信息已删除（匿名化）"}, actor.user_id, now);
    // The audit entry keeps no personal data either: only that it was erased.
    audit_.Record(tx, ctx, "customer.anonymized", "customer", id, nullptr,
                  boost::json::object{{"anonymized_at", FormatRfc3339(now)}});
    return c;
  });
}

Result<std::pair<std::vector<TimelineEvent>, std::optional<std::string>>> CustomerService::TimelinePage(
    const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& kind,
    const std::optional<std::string>& cursor_text, int limit) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  std::optional<Timeline::Cursor> cursor;
  if (cursor_text && !cursor_text->empty()) {
    cursor = DecodeTimelineCursor(*cursor_text);
    if (!cursor) return Fail(ErrorCode::kBadRequest, "bad_request", "the cursor is not valid", {{"cursor", "invalid_value"}});
  }
  return db_.Read([&](db::Tx& tx) -> Result<std::pair<std::vector<TimelineEvent>, std::optional<std::string>>> {
    HEARTH_TRY(FindInScope(tx, actor, id));
    auto events = timeline_.Page(tx, actor.tenant_id, id, kind, cursor, limit);
    std::optional<std::string> next;
    if (static_cast<int>(events.size()) > limit) {
      events.resize(static_cast<std::size_t>(limit));
      next = EncodeTimelineCursor({events.back().at.ms, events.back().id});
    }
    return std::make_pair(std::move(events), next);
  });
}

void CustomerService::NoteUnmaskedRead(const RequestContext& ctx, const std::vector<const Customer*>& shown) {
  std::vector<std::int64_t> ids;
  for (const Customer* c : shown) {
    if (!c->phones.empty() || c->id_number) ids.push_back(c->id);
  }
  audit_.RecordUnmaskedRead(ctx, "customer", ids, {"phones", "id_number"});
}

std::map<std::int64_t, std::string> CustomerService::NamesOf(db::Tx& tx, std::int64_t tenant_id,
                                                           const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  for (auto& [id, card] : repo_->CardsOf(tx, tenant_id, ids)) out.emplace(id, std::move(card.name));
  return out;
}

void CustomerService::Share(db::Tx& tx, const RequestContext* ctx, std::int64_t tenant_id, std::int64_t customer_id,
                            std::int64_t org_unit_id, ShareReason reason, std::int64_t source_id) {
  const Timestamp now = clock_.Now();
  if (!repo_->AddShare(tx, tenant_id, customer_id, org_unit_id, reason, source_id, now) || !ctx) return;
  audit_.Record(tx, *ctx, "customer.shared", "customer", customer_id, nullptr,
                boost::json::object{{"org_unit_id", org_unit_id}, {"reason", kShareReasons.Name(reason)},
                                    {"source_id", source_id}});
}

void CustomerService::Unshare(db::Tx& tx, const RequestContext& ctx, std::int64_t customer_id, ShareReason reason,
                              std::int64_t source_id) {
  repo_->RemoveShare(tx, ctx.actor_ref().tenant_id, customer_id, reason, source_id);
  audit_.Record(tx, ctx, "customer.unshared", "customer", customer_id,
                boost::json::object{{"reason", kShareReasons.Name(reason)}, {"source_id", source_id}}, nullptr);
}

std::vector<Customer> CustomerService::PageAfter(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                std::int64_t after_id, int limit) {
  return repo_->PageAfter(tx, tenant_id, path_prefix, after_id, limit);
}

std::pair<std::int64_t, std::int64_t> CustomerService::IdRange(db::Tx& tx, std::int64_t tenant_id) {
  return repo_->IdRange(tx, tenant_id);
}

std::map<std::int64_t, CustomerContact> CustomerService::ContactsIn(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                                   const std::vector<std::int64_t>& ids) {
  return repo_->ContactsIn(tx, tenant_id, path_prefix, ids);
}

std::vector<std::pair<std::int64_t, CustomerContact>> CustomerService::ContactsAfter(db::Tx& tx, std::int64_t tenant_id,
                                                                                     const std::string& path_prefix, std::int64_t after_id,
                                                                                     int limit) {
  return repo_->ContactsAfter(tx, tenant_id, path_prefix, after_id, limit);
}

std::map<std::int64_t, CustomerContact> CustomerService::ContactsOf(db::Tx& tx, std::int64_t tenant_id,
                                                                   const std::vector<std::int64_t>& ids) {
  return repo_->ContactsOf(tx, tenant_id, ids);
}

std::map<std::int64_t, CustomerCard> CustomerService::CardsOf(db::Tx& tx, std::int64_t tenant_id,
                                                             const std::vector<std::int64_t>& ids) {
  auto cards = repo_->CardsOf(tx, tenant_id, ids);
  for (auto& [id, card] : cards) {
    if (!card.phone.empty()) card.phone = MaskPhone(card.phone);
  }
  return cards;
}

}  // namespace hearth::customers
