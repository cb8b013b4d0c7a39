#pragma once
#include <string_view>

#include "core/vocabulary.hpp"

// The closed vocabularies of the service centre (API.md, Tickets), spelled once: the enums the
// code works with, and the words the API, the database and the web app use for them.
namespace hearth::service {

enum class TicketStatus { kNew, kAssigned, kInProgress, kOnHold, kResolved, kReopened, kClosed, kCancelled };
inline constexpr Vocabulary<TicketStatus, 8> kTicketStatuses{
    {"new", "assigned", "in_progress", "on_hold", "resolved", "reopened", "closed", "cancelled"}};

enum class TicketKind { kInquiry, kComplaint, kRepair, kSuggestion, kPraise };
inline constexpr Vocabulary<TicketKind, 5> kTicketKinds{{"inquiry", "complaint", "repair", "suggestion", "praise"}};
/// The kinds as the server writes them into timelines and histories (the web app has its own).
inline constexpr Vocabulary<TicketKind, 5> kTicketKindLabels{{"咨询", "投诉", "报修", "建议", "表扬"}};

enum class TicketChannel { kHotline, kWeb, kWechat, kOnsite, kEmail, kLetter, kMedia };
inline constexpr Vocabulary<TicketChannel, 7> kTicketChannels{
    {"hotline", "web", "wechat", "onsite", "email", "letter", "media"}};

/// 一般, 重要, 热点, 重大.
enum class TicketGrade { kGeneral, kImportant, kHot, kMajor };
inline constexpr Vocabulary<TicketGrade, 4> kTicketGrades{{"general", "important", "hot", "major"}};

/// The departments of the work interface (工作界面): 客户关系, 工程, 项目, 物业, 营销, 设计.
enum class Department { kCustomerRelations, kEngineering, kProject, kProperty, kSales, kDesign };
inline constexpr Vocabulary<Department, 6> kDepartments{
    {"customer_relations", "engineering", "project", "property", "sales", "design"}};

/// Who was responsible for a resolved problem (责任界定).
enum class Responsibility { kContractor, kDesign, kProperty, kCustomer, kForceMajeure, kNone };
inline constexpr Vocabulary<Responsibility, 6> kResponsibilities{
    {"contractor", "design", "property", "customer", "force_majeure", "none"}};

/// POST /api/v1/tickets/{id}/{action}.
enum class TicketAction { kAssign, kStart, kHold, kResume, kResolve, kCallback, kReopen, kCancel, kComment };
inline constexpr Vocabulary<TicketAction, 9> kTicketActions{
    {"assign", "start", "hold", "resume", "resolve", "callback", "reopen", "cancel", "comment"}};

// The word of each value, for the database layer (db::ToValue) and for logs.
/// Where a ticket stands against its deadlines (GET /api/v1/tickets `sla_state`): on_track,
/// at_risk (80% of the deadline's time gone) or breached while open; met or late once resolved;
/// none when cancelled.
enum class SlaState { kOnTrack, kAtRisk, kBreached, kMet, kLate, kNone };
inline constexpr Vocabulary<SlaState, 6> kSlaStates{{"on_track", "at_risk", "breached", "met", "late", "none"}};

constexpr std::string_view WordOf(SlaState v) { return kSlaStates.Name(v); }
constexpr std::string_view WordOf(TicketStatus v) { return kTicketStatuses.Name(v); }
constexpr std::string_view WordOf(TicketKind v) { return kTicketKinds.Name(v); }
constexpr std::string_view WordOf(TicketChannel v) { return kTicketChannels.Name(v); }
constexpr std::string_view WordOf(TicketGrade v) { return kTicketGrades.Name(v); }
constexpr std::string_view WordOf(Department v) { return kDepartments.Name(v); }
constexpr std::string_view WordOf(Responsibility v) { return kResponsibilities.Name(v); }
constexpr std::string_view WordOf(TicketAction v) { return kTicketActions.Name(v); }

}  // namespace hearth::service
