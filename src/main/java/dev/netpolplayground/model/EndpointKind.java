package dev.netpolplayground.model;

/** What an endpoint of the matrix stands for. */
public enum EndpointKind {
    Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, External;

    public boolean external() {
        return this == External;
    }
}
