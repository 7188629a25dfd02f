# Build stage: compile, test-free package of the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY web web
RUN mvn -B -DskipTests package

# Runtime stage: a small JRE, a non-root user, the jar and a volume for the embedded database.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app playground && mkdir -p /app/data && chown -R playground /app
WORKDIR /app
COPY --from=build /src/target/netpol-playground.jar /app/netpol-playground.jar
USER playground
ENV PORT=7070
EXPOSE 7070
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", "/app/netpol-playground.jar", "healthcheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/netpol-playground.jar"]
CMD ["serve"]
