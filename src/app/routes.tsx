/** The route table: every screen, who may open it, and whether it has a place in the navigation. */
import type { AnyComponent } from 'preact';
import { lazy } from 'preact-iso';
import type { Role } from '../core/entities';
import type { LocalText } from '../core/text';

/** One screen of the app. Screens are lazy so the log-in route loads none of them. */
export type AppRoute = {
  /** preact-iso path pattern, e.g. `/dwellings/:id`. */
  path: string;
  /** `lazy(() => import('./screens/x/XScreen'))` — the screen module's default export. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- screens take their own route params
  component: AnyComponent<any>;
  /** Roles that may open the screen; omitted = every signed-in person. */
  roles?: readonly Role[];
  /** Shown in the navigation with this label when present. */
  nav?: { label: LocalText };
};

/**
 * Every screen, in navigation order. Add a screen with one entry here; keep settings last.
 * The first nav entry a person may open is their start page.
 */
export const ROUTES: AppRoute[] = [
  {
    path: '/',
    component: lazy(() => import('./screens/home/HomeScreen')),
    nav: { label: { nb: 'Hjem', en: 'Home' } },
  },
  {
    path: '/dwellings',
    component: lazy(() => import('./screens/dwellings/RegistryScreen')),
    roles: ['inspector', 'admin', 'intake'],
    nav: { label: { nb: 'Boliger', en: 'Dwellings' } },
  },
  {
    path: '/my-inspections',
    component: lazy(() => import('./screens/planning/MyInspectionsScreen')),
    roles: ['inspector', 'admin'],
    nav: { label: { nb: 'Mine befaringer', en: 'My inspections' } },
  },
  {
    path: '/inspection-plan',
    component: lazy(() => import('./screens/planning/InspectionPlanScreen')),
    roles: ['inspector', 'admin'],
  },
  {
    path: '/dwellings/new',
    component: lazy(() => import('./screens/dwellings/DwellingFormScreen')),
    roles: ['inspector', 'admin'],
  },
  {
    path: '/dwellings/:id',
    component: lazy(() => import('./screens/dwellings/DwellingScreen')),
    roles: ['inspector', 'admin', 'intake'],
  },
  {
    path: '/dwellings/:id/edit',
    component: lazy(() => import('./screens/dwellings/DwellingFormScreen')),
    roles: ['inspector', 'admin'],
  },
  {
    path: '/inspections/:id',
    component: lazy(() => import('./screens/checklist/InspectionScreen')),
  },
  {
    path: '/households',
    component: lazy(() => import('./screens/households/HouseholdsScreen')),
    roles: ['counsellor', 'admin', 'intake'],
    nav: { label: { nb: 'Husstander', en: 'Households' } },
  },
  {
    path: '/households/new',
    component: lazy(() => import('./screens/households/HouseholdFormScreen')),
    roles: ['counsellor', 'admin'],
  },
  {
    path: '/households/:id',
    component: lazy(() => import('./screens/households/HouseholdScreen')),
    roles: ['counsellor', 'admin', 'intake'],
  },
  {
    path: '/households/:id/edit',
    component: lazy(() => import('./screens/households/HouseholdFormScreen')),
    roles: ['counsellor', 'admin'],
  },
  {
    path: '/households/:id/consent',
    component: lazy(() => import('./screens/households/ConsentScreen')),
    roles: ['counsellor', 'admin'],
  },
  {
    path: '/households/:id/audit',
    component: lazy(() => import('./screens/audit/AuditScreen')),
    roles: ['admin'],
  },
  {
    path: '/visits/:id',
    component: lazy(() => import('./screens/visits/VisitScreen')),
    roles: ['counsellor', 'admin'],
  },
  {
    path: '/tasks',
    component: lazy(() => import('./screens/tasks/TasksScreen')),
    // Inspectors see the dwellings' follow-up actions here.
    roles: ['counsellor', 'admin', 'intake', 'inspector'],
    nav: { label: { nb: 'Oppgaver', en: 'Tasks' } },
  },
  {
    path: '/tasks/meeting',
    component: lazy(() => import('./screens/tasks/MeetingScreen')),
    roles: ['counsellor', 'admin', 'intake'],
  },
  {
    path: '/foyer',
    component: lazy(() => import('./screens/foyer/FoyerScreen')),
    roles: ['counsellor', 'admin'],
    nav: { label: { nb: 'Foyer', en: 'Foyer' } },
  },
  {
    path: '/foyer/:id',
    component: lazy(() => import('./screens/foyer/PlanScreen')),
    roles: ['counsellor', 'admin'],
  },
  {
    path: '/overview',
    component: lazy(() => import('./screens/intake/OverviewScreen')),
    roles: ['intake', 'admin', 'inspector'],
    nav: { label: { nb: 'Oversikt', en: 'Overview' } },
  },
  {
    path: '/match',
    component: lazy(() => import('./screens/intake/MatchScreen')),
    roles: ['intake', 'admin'],
    nav: { label: { nb: 'Finn bolig', en: 'Match' } },
  },
  {
    path: '/allocations',
    component: lazy(() => import('./screens/intake/AllocationsScreen')),
    roles: ['intake', 'admin'],
    nav: { label: { nb: 'Tildelinger', en: 'Allocations' } },
  },
  {
    path: '/reports/stock',
    component: lazy(() => import('./screens/reports/StockReportScreen')),
    roles: ['intake', 'admin'],
  },
  {
    path: '/reports/dwellings/:id',
    component: lazy(() => import('./screens/reports/DwellingReportScreen')),
    roles: ['intake', 'admin', 'inspector'],
  },
  {
    path: '/users',
    component: lazy(() => import('./screens/users/UsersScreen')),
    roles: ['admin'],
    nav: { label: { nb: 'Brukere', en: 'Users' } },
  },
  {
    path: '/users/new',
    component: lazy(() => import('./screens/users/UserFormScreen')),
    roles: ['admin'],
  },
  {
    path: '/users/:id',
    component: lazy(() => import('./screens/users/UserFormScreen')),
    roles: ['admin'],
  },
  {
    path: '/import',
    component: lazy(() => import('./screens/import/ImportScreen')),
    roles: ['admin'],
  },
  {
    path: '/import/places',
    component: lazy(() => import('./screens/import/PlacesImportScreen')),
    roles: ['admin'],
  },
  {
    path: '/sync',
    component: lazy(() => import('./screens/sync/SyncReviewScreen')),
    nav: { label: { nb: 'Synkronisering', en: 'Sync' } },
  },
  {
    path: '/settings/municipality',
    component: lazy(() => import('./screens/settings/MunicipalityScreen')),
    roles: ['admin'],
  },
  {
    path: '/settings/accessibility',
    component: lazy(() => import('./screens/settings/AccessibilityScreen')),
  },
  {
    path: '/settings',
    component: lazy(() => import('./screens/settings/SettingsScreen')),
    nav: { label: { nb: 'Innstillinger', en: 'Settings' } },
  },
];

/** Whether a person with these roles may open the route. */
export function mayOpen(route: AppRoute, roles: readonly Role[]): boolean {
  return !route.roles || route.roles.some((r) => roles.includes(r));
}
