/**
 * Where a PingOne admin fixes what the preflight finds, as the vendor's console pages say it.
 * Each text names the page it follows, so a changed console can be checked against it.
 */

/** "Configuring roles for a worker application" (PingOne admin guide). */
export const WORKER_ROLES_PAGE =
  'https://docs.pingidentity.com/pingone/applications/p1_configurerolesforworkerapplication.html';

/** Getting started, Task 1, "Step 3: Assign roles to the Worker app". */
export const ASSIGN_ROLES_STEP =
  'https://developer.pingidentity.com/pingone-api/getting-started/create-an-admin-worker-app/step-3-assign-roles.html';

/** "License assignment" (PingOne admin guide). */
export const LICENSE_PAGE =
  'https://docs.pingidentity.com/pingone/getting_started_with_pingone/p1_license_assignment.html';

/** The Licenses service's data model (platform API reference). */
export const LICENSES_API = 'https://developer.pingidentity.com/pingone-api/platform/licenses.html';

/** Getting started, Task 2, step 1 (the worker app's token). */
export const TOKEN_STEP =
  'https://developer.pingidentity.com/pingone-api/getting-started/create-a-test-environment/step-1-get-access-token.html';

/** The app's Roles tab, where roles are granted (Grant roles) or removed (clear the role's check box). */
export function rolesTab(clientId: string, action: 'Grant roles' | "clear the role's check box"): string {
  return (
    `in the admin console's Administrators environment, Applications > Applications > the Worker ` +
    `app with client ID ${clientId} > Roles (Administrator Roles) > ${action} (${WORKER_ROLES_PAGE})`
  );
}

/** Granting `role` for the flow: at Organization scope, as Task 1 of the docs does. */
export function grantRole(role: string, clientId: string, scope: string): string {
  return (
    `grant ${role} ${scope}: ${rolesTab(clientId, 'Grant roles')}; Task 1 of the getting-started ` +
    `guide grants Organization Admin and Environment Admin with the Organization checkbox ` +
    `(${ASSIGN_ROLES_STEP})`
  );
}

/** Where the client id and secret of a Worker app are shown. */
export function credentialsFix(idVariable: string, secretVariable: string): string {
  return (
    `copy the Client ID and Client Secret into ${idVariable} and ${secretVariable} from the admin ` +
    `console: Applications > Applications > your Worker app > Configuration (regenerate the secret ` +
    `there if it is unknown), and check that the app is enabled (the toggle in its header)`
  );
}
