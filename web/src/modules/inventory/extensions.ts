// What the inventory module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerTab } from '../customers/extensionPoints';

const CustomerUnits = lazy(() => import('./components/CustomerUnits').then((m) => ({ default: m.CustomerUnits })));

/** The customer page's 房产 tab. */
export const customerUnitsTab: CustomerTab = { key: 'units', order: 10, label: 'customer.tab.units', component: CustomerUnits };
