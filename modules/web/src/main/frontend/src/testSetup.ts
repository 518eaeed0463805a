import { configure } from '@testing-library/react';

// The build runs these tests on two cores shared with PostgreSQL, Keycloak and Payara: the library's 1 s wait
// for something to appear was seen to run out under that load (a flaky Escalate test), so it waits up to 5 s.
configure({ asyncUtilTimeout: 5000 });
