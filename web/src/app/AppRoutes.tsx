import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { FullPageSpin, RequireAuth } from './RequireAuth';
import { useAuth } from './auth/useAuth';
import { loadFrameMessages, loadMessages } from './i18n/i18nContext';
import { hasSession } from '../shared/api/client';

// The first screen is split too (scripts/first-screen.mjs weighs it): the entry holds what every
// screen needs; the login page (with antd's Form), and the signed-in part (SignedInRoutes.tsx: the
// frame with its menu, header and bells, the home page, the routes to the other pages) with the
// messages the frame and the home page need (i18nContext.ts), each load on first use. The one this
// visitor will see starts loading at once, beside /api/me; a visitor who signs in gets the signed-in
// part while typing.
const loadLogin = () => import('../modules/platform/pages/LoginPage');
const loadSignedIn = () => Promise.all([import('./SignedInRoutes'), loadFrameMessages()]).then(([m]) => m);
const prefetchFrame = () => {
  // A failure shows when the frame is rendered (lazy below asks again).
  loadSignedIn().catch(() => {});
};
if (hasSession()) prefetchFrame();
else loadLogin().catch(() => {});
const LoginPage = lazy(() => loadLogin().then((m) => ({ default: m.LoginPage })));
const SignedInRoutes = lazy(() => loadSignedIn().then((m) => ({ default: m.SignedInRoutes })));
const PublicTicketPage = lazy(() => Promise.all([import('../modules/service/pages/PublicTicketPage'), loadMessages()]).then(([m]) => m));
// The customer's consent page (报备确认), opened on their phone: its own few words, no module's messages.
const ConsentPage = lazy(() => import('../modules/sales/pages/ConsentPage'));
// The owner's booking page (收房预约), opened from the SMS on their phone: likewise its own words only.
const HandoverBookingPage = lazy(() => import('../modules/delivery/pages/HandoverBookingPage'));
const OpenDaySignupPage = lazy(() => import('../modules/delivery/pages/OpenDaySignupPage'));
// The owner's unsubscribe page (退订), opened from a marketing message: likewise its own words only.
const UnsubscribePage = lazy(() => import('../modules/campaigns/pages/UnsubscribePage'));

function LoginRoute() {
  const { status } = useAuth();
  useEffect(() => {
    document.addEventListener('input', prefetchFrame, { capture: true, once: true });
    return () => document.removeEventListener('input', prefetchFrame, { capture: true });
  }, []);
  return status === 'signed_in' ? (
    <Navigate to="/" replace />
  ) : (
    <Suspense fallback={<FullPageSpin />}>
      <LoginPage />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {/* The customer's page of a ticket, reached by a link: no login, no menu. */}
      <Route
        path="/t/:token"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicTicketPage />
          </Suspense>
        }
      />
      <Route
        path="/consent/:token"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <ConsentPage />
          </Suspense>
        }
      />
      <Route
        path="/b/:token"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <HandoverBookingPage />
          </Suspense>
        }
      />
      <Route
        path="/o/:token"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <OpenDaySignupPage />
          </Suspense>
        }
      />
      <Route
        path="/u/:token"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <UnsubscribePage />
          </Suspense>
        }
      />
      {/* Everything else: the signed-in frame and its pages (SignedInRoutes.tsx). */}
      <Route
        path="*"
        element={
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              <SignedInRoutes />
            </Suspense>
          </RequireAuth>
        }
      />
    </Routes>
  );
}
