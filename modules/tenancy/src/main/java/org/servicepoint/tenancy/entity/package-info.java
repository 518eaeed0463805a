/** Library systems (tenants) with their settings, branches, service points, weekly hours, closures and positions. */
package org.servicepoint.tenancy.entity;
