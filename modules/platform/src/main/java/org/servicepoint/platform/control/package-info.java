/** Cross-cutting rules every context relies on: tenant-bound transactions, schema migrations, audit, caller identity. */
package org.servicepoint.platform.control;
