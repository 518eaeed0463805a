package org.servicepoint.bans.entity;

/** Where a ban applies: at one branch, or at every branch of the library system. */
public enum BanScope {
    BRANCH,
    SYSTEM
}
